using System.Text.RegularExpressions;
using C2C.Analytics.PowerBi.Tests.Support;
using C2C.Analytics.PowerBi.Tests.Tmdl;
using Dapper;

namespace C2C.Analytics.PowerBi.Tests;

/// <summary>
/// The Power Query (M) of every partition: it reads through the source parameters (DataSource switches all of them at
/// once), names a Parquet file of the export and a table of the warehouse that exist, and asks for exactly the model's
/// columns with the Power Query type that matches each one's type in the export.
/// </summary>
[Collection(SampleWarehouseCollection.Name)]
public sealed partial class PartitionSourceTests(SampleWarehouse sample)
{
    private static readonly SemanticModelFiles Model = SemanticModelFiles.Load(Repository.Definition);

    [Fact]
    public void Every_data_partition_names_an_existing_parquet_file_and_warehouse_table_through_the_parameters()
    {
        using var warehouse = sample.OpenReadOnly();
        var warehouseTables = warehouse.Query<string>("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'").ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        var dataTables = Model.Tables.Values.Where(t => t.Name != "metrics").ToList();
        foreach (var table in dataTables)
        {
            var partition = Assert.Single(table.Partitions);
            var m = partition.ExpressionProperties.GetValueOrDefault("source") ?? "";
            if (partition.Expression != "m" || partition.Properties.GetValueOrDefault("mode") != "import")
            {
                problems.Add($"{partition.Where}: {table.Name} is not an M partition in import mode");
            }

            if (C2C.Analytics.Pipeline.Export.ParquetExport.PartitionedTables.TryGetValue(table.Name, out var column))
            {
                // Partitioned by date: the M combines the table's folder, one <column>=yyyy-MM-dd folder per date.
                var folder = Path.Combine(sample.ExportDirectory, table.Name);
                if (!m.Contains($"Folder.Files(ParquetFolder & \"\\{table.Name}\")", StringComparison.Ordinal)
                    || !m.Contains($"\"{column}=\"", StringComparison.Ordinal)
                    || !Directory.Exists(folder)
                    || !Directory.GetDirectories(folder, column + "=*").Any(d => Directory.GetFiles(d, "*.parquet").Length > 0))
                {
                    problems.Add($"{partition.Where}: {table.Name} does not read the export's partition folders {folder}");
                }
            }
            else if (ParquetFile().Match(m) is var file && (!file.Success || !File.Exists(Path.Combine(sample.ExportDirectory, file.Groups["file"].Value))))
            {
                problems.Add($"{partition.Where}: {table.Name} reads {(file.Success ? file.Groups["file"].Value : "no file")}, which the export does not have");
            }
            else if (!ParquetExportPartitioned(table.Name) && ParquetFile().Match(m).Groups["file"].Value is var name && name != table.Name + ".parquet")
            {
                problems.Add($"{partition.Where}: {table.Name} reads {name}");
            }

            var item = SqlItem().Match(m);
            if (!item.Success || item.Groups["table"].Value != table.Name || !warehouseTables.Contains(item.Groups["table"].Value))
            {
                problems.Add($"{partition.Where}: {table.Name} does not read the warehouse table of its name from SQL Server");
            }

            if (!m.Contains("if DataSource = \"SqlServer\" then", StringComparison.Ordinal))
            {
                problems.Add($"{partition.Where}: {table.Name} does not switch on the DataSource parameter");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(dataTables.Count >= 12);
    }

    [Fact]
    public void Every_parameter_a_partition_uses_is_declared_and_DataSource_defaults_to_Parquet()
    {
        var used = Model.Tables.Values.SelectMany(t => t.Partitions)
            .SelectMany(p => Parameter().Matches(p.ExpressionProperties.GetValueOrDefault("source") ?? "").Select(m => m.Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(["DataSource", "ParquetFolder", "SqlDatabase", "SqlSchema", "SqlServer"], used.Order(StringComparer.Ordinal));
        Assert.All(used, name => Assert.Contains("IsParameterQuery=true", Model.Expressions[name].Expression, StringComparison.Ordinal));
        Assert.StartsWith("\"Parquet\" meta [IsParameterQuery=true, List={\"Parquet\", \"SqlServer\"}", Model.Expressions["DataSource"].Expression, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partition_asks_for_exactly_the_model_s_columns_cast_to_their_export_types()
    {
        var export = ExportSchema.Read(sample.ExportDirectory);
        var problems = new List<string>();
        foreach (var table in Model.Tables.Values.Where(t => t.Name != "metrics"))
        {
            var m = table.Partitions[0].ExpressionProperties["source"];
            var cast = ColumnType().Matches(m).Select(x => (Column: x.Groups["column"].Value, Type: x.Groups["type"].Value)).ToList();
            var columns = table.Columns.Select(c => c.SourceColumn).ToList();
            if (!cast.Select(c => c.Column).SequenceEqual(columns))
            {
                problems.Add($"{table.Name}: the partition asks for [{string.Join(", ", cast.Select(c => c.Column))}], the table has [{string.Join(", ", columns)}]");
            }

            foreach (var (column, type) in cast)
            {
                var expected = export[table.Name].TryGetValue(column, out var duckDbType) ? ExportSchema.PowerQueryType(duckDbType) : null;
                if (expected != type)
                {
                    problems.Add($"{table.Name}.{column}: cast to {type}, the export holds {duckDbType ?? "nothing"}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void A_dimension_that_keeps_history_loads_its_current_rows_only()
    {
        var engagement = Model.Tables["dim_engagement"].Partitions[0].ExpressionProperties["source"];

        Assert.Contains("Table.SelectRows(Typed, each [is_current] = true)", engagement, StringComparison.Ordinal);
        Assert.DoesNotContain("SelectRows", Model.Tables["fct_engagement_stage"].Partitions[0].ExpressionProperties["source"], StringComparison.Ordinal);
    }

    private static bool ParquetExportPartitioned(string table) => C2C.Analytics.Pipeline.Export.ParquetExport.PartitionedTables.ContainsKey(table);

    [GeneratedRegex(@"Parquet\.Document\(File\.Contents\(ParquetFolder & ""\\(?<file>[^""]+)""\)\)")]
    private static partial Regex ParquetFile();

    [GeneratedRegex(@"Sql\.Database\(SqlServer, SqlDatabase\)\{\[Schema = SqlSchema, Item = ""(?<table>[^""]+)""\]\}\[Data\]")]
    private static partial Regex SqlItem();

    [GeneratedRegex(@"\b(DataSource|ParquetFolder|SqlServer|SqlDatabase|SqlSchema)\b(?!"")")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\{""(?<column>[^""]+)"", (?<type>type [a-z]+|[A-Za-z0-9]+\.Type)\}")]
    private static partial Regex ColumnType();
}
