using System.Globalization;
using C2C.Analytics.DuckDb;
using C2C.Analytics.Warehouse.Models;
using C2C.Analytics.Warehouse.Raw;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

/// <summary>
/// One test's warehouse: landed pages written as files, loaded by the real <see cref="RawLoader"/>, the cfg_* tables the
/// pipeline writes before the models (same columns as etl/C2C.Analytics.Pipeline/Run/ConfigTables.cs), the real
/// function files, then the real models — those the tests read and everything they depend on — through
/// <see cref="ModelRunner"/>, in a fresh in-memory DuckDB.
/// </summary>
internal sealed class ModelsScenario : IDisposable
{
    /// <summary>The tables these tests read; the runner builds them and the models they depend on.</summary>
    public static readonly string[] TargetModels =
    [
        "dim_stage", "dim_owner", "dim_engagement", "bridge_engagement_owner", "fct_opportunity", "fct_opportunity_stage_history",
        "int_engagement_stages", "int_rejects", "int_missing_tracker_columns",
    ];

    private static readonly Lazy<ModelCatalog> Catalog = new(() => CatalogFor(TargetModels));

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "c2c-models-sql-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<RawSource, List<string>> _files = RawSource.All.ToDictionary(s => s, _ => new List<string>());

    public ModelsScenario() => Directory.CreateDirectory(_directory);

    public DateOnly AsOf { get; init; } = new(2025, 6, 30);

    /// <summary>Other tables to build instead of <see cref="TargetModels"/> (with what they read).</summary>
    public IReadOnlyList<string>? Targets { get; init; }

    /// <summary>The tracker columns written to cfg_tracker_column; a test may change them before <see cref="Build"/>.</summary>
    public List<ConfiguredColumn> Columns { get; } = TrackerTemplate.Columns();

    /// <summary>The configured stages (cfg_stage); the template's unless a test configures its own.</summary>
    public IReadOnlyList<ConfiguredStage> Stages { get; init; } = TrackerTemplate.Stages;

    public ModelsScenario Sheet(SheetPage page) => Land(RawSource.SmartsheetSheets, page.ToJson());

    public ModelsScenario Sheet(string json) => Land(RawSource.SmartsheetSheets, json);

    public ModelsScenario Opportunities(string json) => Land(RawSource.SalesforceOpportunities, json);

    public ModelsScenario History(string json) => Land(RawSource.SalesforceOpportunityHistory, json);

    /// <summary>Loads and builds everything; the caller owns the returned connection.</summary>
    public DuckDbConnection Build()
    {
        var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        BuildInto(connection);
        return connection;
    }

    /// <summary>
    /// Loads and builds into a warehouse an earlier scenario built: the next run, whose tables kept across runs
    /// (dim_engagement's history) read what the earlier runs left.
    /// </summary>
    public IReadOnlyList<ModelResult> BuildInto(DuckDbConnection connection)
    {
        LoadInputs(connection);
        return new ModelRunner(Targets is null ? Catalog.Value : CatalogFor(Targets)).Run(connection);
    }

    /// <summary>Everything the pipeline does before the models: raw tables, configuration, functions.</summary>
    private void LoadInputs(DuckDbConnection connection)
    {
        foreach (var (source, files) in _files)
        {
            RawLoader.Load(connection, source, files);
        }

        WriteConfiguration(connection);
        foreach (var file in Directory.GetFiles(RepositoryPaths.Functions, "*.sql").Order(StringComparer.Ordinal))
        {
            connection.Run(File.ReadAllText(file));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory is harmless.
        }
    }

    /// <summary>The models named and every model they read, directly or not, in run order.</summary>
    public static ModelCatalog CatalogFor(IEnumerable<string> targets)
    {
        var all = ModelCatalog.Load(RepositoryPaths.Models);
        var needed = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(targets);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (needed.Add(name))
            {
                foreach (var dependency in (all.Find(name) ?? throw new InvalidOperationException($"No model '{name}'.")).Dependencies)
                {
                    pending.Push(dependency);
                }
            }
        }

        return ModelCatalog.FromModels(all.Models.Where(m => needed.Contains(m.Name)));
    }

    private ModelsScenario Land(RawSource source, string json)
    {
        var files = _files[source];
        var path = Path.Combine(_directory, string.Create(CultureInfo.InvariantCulture, $"{source.Source}_{source.Entity}_{files.Count + 1:000}.json"));
        File.WriteAllText(path, json);
        files.Add(path);
        return this;
    }

    private void WriteConfiguration(DuckDbConnection connection)
    {
        connection.Run("""
            CREATE OR REPLACE TABLE cfg_run (run_id VARCHAR NOT NULL, as_of DATE NOT NULL);
            CREATE OR REPLACE TABLE cfg_stage (
                stage_key VARCHAR NOT NULL, stage_name VARCHAR NOT NULL, stage_order INTEGER NOT NULL, owner_role VARCHAR NOT NULL,
                sla_bd INTEGER NOT NULL, reminder_cadence_bd INTEGER NOT NULL, prerequisites VARCHAR[] NOT NULL,
                evidence_attachment_like VARCHAR);
            CREATE OR REPLACE TABLE cfg_tracker_column (title VARCHAR NOT NULL, field VARCHAR NOT NULL, stage_key VARCHAR, owner_role VARCHAR);
            CREATE OR REPLACE TABLE cfg_status_text (status_text VARCHAR NOT NULL, status VARCHAR NOT NULL);
            """);
        connection.Run("INSERT INTO cfg_run VALUES ('test-run', $as_of)", ("as_of", AsOf));
        foreach (var stage in Stages)
        {
            connection.Run(
                "INSERT INTO cfg_stage VALUES ($key, $name, $order, $role, $sla, $cadence, CAST(json($prerequisites) AS VARCHAR[]), $attachment_like)",
                ("key", stage.Key), ("name", stage.Name), ("order", stage.Order), ("role", stage.OwnerRole), ("sla", stage.SlaBusinessDays),
                ("cadence", stage.ReminderCadence), ("prerequisites", System.Text.Json.JsonSerializer.Serialize(stage.Prerequisites)),
                ("attachment_like", stage.EvidenceAttachmentLike));
        }

        foreach (var column in Columns)
        {
            connection.Run("INSERT INTO cfg_tracker_column VALUES ($title, $field, $stage, $role)",
                ("title", column.Title), ("field", column.Field), ("stage", column.StageKey), ("role", column.OwnerRole));
        }

        foreach (var (text, status) in TrackerTemplate.StatusTexts)
        {
            connection.Run("INSERT INTO cfg_status_text VALUES ($text, $status)", ("text", text), ("status", status));
        }
    }
}
