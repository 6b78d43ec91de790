using System.Globalization;
using C2C.Analytics.Calendar;
using C2C.Analytics.DuckDb;
using C2C.Analytics.Warehouse.Calendar;
using C2C.Analytics.Warehouse.Models;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

/// <summary>
/// Hand-built inputs of the lifecycle models (the tracker's stage cells, the engagements, the owners and the cfg_*
/// tables the pipeline writes), the real calendar (US federal holidays, Saturday and Sunday off) and the real
/// function and model files: int_engagement_stage_states → int_engagement_stage_gates → fct_engagement_stage →
/// fct_engagement_stage_snapshot.
/// Stages: intake (no prerequisite, SLA 2) → sow (SLA 10) → po (SLA 5) → kickoff (SLA 5), each the previous one's
/// successor, weekly reminders (5 business days); due soon within 2 business days; stuck above 2 × SLA; aging
/// buckets 0-5, 6-10, 11-20, 21+.
/// </summary>
internal sealed class LifecycleScenario
{
    private static readonly Lazy<ModelCatalog> Catalog = new(() => ModelCatalog.Load(RepositoryPaths.Models));

    private static readonly string[] LifecycleModels =
        ["int_engagement_stage_states", "int_engagement_stage_gates", "fct_engagement_stage", "fct_engagement_stage_snapshot"];

    private readonly List<string> _inserts = [];

    public LifecycleScenario(DateOnly asOf) => AsOf = asOf;

    public DateOnly AsOf { get; }

    /// <summary>An engagement with its intake date (and a Finance owner, contract value 1000.00 USD).</summary>
    public LifecycleScenario Engagement(string dealId, string intakeDate)
    {
        _inserts.Add($"INSERT INTO dim_engagement VALUES ({_inserts.Count + 1}, '{dealId}', DATE '{intakeDate}', 1000.00, 'USD', true, true)");
        _inserts.Add($"INSERT INTO bridge_engagement_owner VALUES ('{dealId}', 'Finance', 'owner-{dealId}')");
        return this;
    }

    /// <summary>A stage cell: canonical status (complete, in_progress, not_started, not_applicable, blocked) and date.</summary>
    public LifecycleScenario Stage(string dealId, string stageKey, string status, string? completedOn = null)
    {
        var date = completedOn is null ? "NULL" : $"DATE '{completedOn}'";
        _inserts.Add($"INSERT INTO int_engagement_stages VALUES ('{dealId}', '{stageKey}', '{status}', {date}, true)");
        return this;
    }

    public DuckDbConnection Build()
    {
        var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        var calendar = BusinessCalendar.FromOptions(new CalendarOptions());
        new DimDateBuilder(calendar).Build(connection, new DimDateRange(new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31)));
        foreach (var file in Directory.GetFiles(RepositoryPaths.Functions, "*.sql").Order(StringComparer.Ordinal))
        {
            connection.Run(File.ReadAllText(file));
        }

        connection.Run($"""
            CREATE TABLE cfg_run (run_id VARCHAR NOT NULL, as_of DATE NOT NULL);
            INSERT INTO cfg_run VALUES ('test', DATE '{AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}');
            CREATE TABLE cfg_stage (
                stage_key VARCHAR NOT NULL, stage_name VARCHAR NOT NULL, stage_order INTEGER NOT NULL, owner_role VARCHAR NOT NULL,
                sla_bd INTEGER NOT NULL, reminder_cadence_bd INTEGER NOT NULL, prerequisites VARCHAR[] NOT NULL);
            INSERT INTO cfg_stage VALUES
                ('intake', 'Intake', 1, 'Finance', 2, 5, []),
                ('sow', 'SOW', 2, 'Finance', 10, 5, ['intake']),
                ('po', 'PO', 3, 'Finance', 5, 5, ['sow']),
                ('kickoff', 'Kickoff', 4, 'Finance', 5, 5, ['po']);
            CREATE TABLE cfg_metric (due_soon_bd INTEGER NOT NULL, stuck_sla_multiple DECIMAL(9,2) NOT NULL);
            INSERT INTO cfg_metric VALUES (2, 2);
            CREATE TABLE cfg_aging_bucket (bucket_order INTEGER NOT NULL, aging_bucket VARCHAR NOT NULL, min_bd INTEGER NOT NULL, max_bd INTEGER);
            INSERT INTO cfg_aging_bucket VALUES (1, '0-5', 0, 5), (2, '6-10', 6, 10), (3, '11-20', 11, 20), (4, '21+', 21, NULL);
            CREATE TABLE dim_engagement (engagement_version_key BIGINT, deal_id VARCHAR, intake_date DATE, contract_value DECIMAL(18,2), currency VARCHAR,
                is_current BOOLEAN, is_loaded BOOLEAN);
            CREATE TABLE bridge_engagement_owner (deal_id VARCHAR, owner_role VARCHAR, owner_id VARCHAR);
            CREATE TABLE int_engagement_stages (deal_id VARCHAR, stage_key VARCHAR, status VARCHAR, completed_on DATE, evidence_present BOOLEAN);
            """);
        foreach (var insert in _inserts)
        {
            connection.Run(insert);
        }

        RunModels(connection);
        return connection;
    }

    /// <summary>
    /// The next run into the same warehouse, as of another (or the same) date, on the inputs as they are now (a test may
    /// change them in between): the snapshot keeps what earlier runs wrote for other dates.
    /// </summary>
    public static void Rerun(DuckDbConnection connection, DateOnly asOf)
    {
        connection.Run("UPDATE cfg_run SET as_of = $as_of", ("as_of", asOf));
        RunModels(connection);
    }

    private static void RunModels(DuckDbConnection connection)
    {
        foreach (var name in LifecycleModels)
        {
            ModelRunner.RunOne(connection, Catalog.Value.Models.Single(m => m.Name == name));
        }
    }
}
