using System.Text;
using C2C.Analytics.DuckDb;
using C2C.Analytics.Warehouse;
using C2C.Analytics.Warehouse.Models;

namespace C2C.Analytics.Pipeline.PowerBi;

/// <summary>What <c>c2c powerbi</c> writes into: the project folder, and where the documentation comes from.</summary>
/// <param name="OutputDirectory">The Power BI project folder (the repository's <c>powerbi/</c>).</param>
/// <param name="Metrics">Column and table descriptions (warehouse/METRICS.md).</param>
/// <param name="Models">The SQL models, whose header comments describe their tables.</param>
public sealed record PowerBiRequest(string OutputDirectory, MetricsDocument Metrics, ModelCatalog? Models);

/// <summary>The generated table files: written (new or changed), unchanged, removed; columns the model cannot import.</summary>
public sealed record PowerBiResult(
    string TablesDirectory,
    IReadOnlyList<string> Written,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<string> Removed,
    IReadOnlyList<string> SkippedColumns);

/// <summary>
/// Writes the table part of the semantic model from the warehouse's catalog: one <c>tables/&lt;table&gt;.tmdl</c> per
/// table of <see cref="ModelTableSelection"/>, and removes the generated file of a table the warehouse no longer has.
/// Files it does not generate (the measures in <c>metrics.tmdl</c>, relationships, roles, expressions, the report) are
/// never touched. Running it twice on the same warehouse writes nothing the second time.
/// </summary>
public static class PowerBiGenerator
{
    public const string ProjectName = "ContractToCash";

    /// <summary>Where the table files sit, under the project folder.</summary>
    public static string TablesDirectory(string projectDirectory) =>
        Path.Combine(projectDirectory, ProjectName + ".SemanticModel", "definition", "tables");

    /// <summary>The METRICS.md shipped beside the assemblies.</summary>
    public static string DefaultMetricsPath => Path.Combine(AppContext.BaseDirectory, "METRICS.md");

    public static PowerBiResult Generate(string warehousePath, PowerBiRequest request)
    {
        using var connection = new DuckDbConnection(new DuckDbConnectionStringBuilder { DataSource = warehousePath, ReadOnly = true }.ConnectionString);
        connection.Open();
        return Generate(connection, request);
    }

    public static PowerBiResult Generate(DuckDbConnection connection, PowerBiRequest request)
    {
        var skipped = new List<string>();
        var tables = BuildTables(WarehouseCatalog.ReadExported(connection), request.Metrics, request.Models, skipped);
        if (tables.Count == 0)
        {
            throw new PowerBiModelException("The warehouse has no dimension or fact tables yet: run c2c run first.");
        }

        var directory = TablesDirectory(request.OutputDirectory);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        var unchanged = new List<string>();
        foreach (var table in tables)
        {
            var path = Path.Combine(directory, table.Name + ".tmdl");
            var text = TmdlTableWriter.Write(table);
            if (File.Exists(path) && File.ReadAllText(path) == text)
            {
                unchanged.Add(table.Name);
                continue;
            }

            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            written.Add(table.Name);
        }

        var removed = new List<string>();
        var current = tables.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*.tmdl").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (!current.Contains(name) && IsGenerated(file))
            {
                File.Delete(file);
                removed.Add(name);
            }
        }

        return new PowerBiResult(directory, written, unchanged, removed, skipped);
    }

    /// <summary>The model tables of the given warehouse tables, in name order.</summary>
    public static IReadOnlyList<ModelTable> BuildTables(
        IReadOnlyList<WarehouseTable> warehouse, MetricsDocument metrics, ModelCatalog? models, ICollection<string> skipped) =>
        warehouse
            .Where(t => ModelTableSelection.Includes(t.Name))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => ModelTable.From(t, models?.Find(t.Name)?.Description ?? metrics.TableDescription(t.Name), metrics, skipped))
            .ToList();

    /// <summary>A file this generator wrote: a warehouse table's name and the generated annotation inside.</summary>
    private static bool IsGenerated(string file) =>
        ServedTables.IsServed(Path.GetFileNameWithoutExtension(file))
        && File.ReadAllText(file).Contains("annotation " + TmdlTableWriter.GeneratedAnnotation + " =", StringComparison.Ordinal);
}
