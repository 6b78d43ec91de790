namespace C2C.Analytics.Pipeline.PowerBi;

/// <summary>
/// The Power Query (M) of a generated table's partition. Both sources sit inline with the parameters as arguments (a
/// source computed at run time would stop the Power BI service from recognising it for refresh); M evaluates only the
/// branch <c>DataSource</c> picks. The columns are selected by name, so a column the source lacks fails the refresh
/// with its name instead of loading something else, and cast to the model's types.
/// </summary>
public static class PartitionQuery
{
    public const string DataSourceParameter = "DataSource";
    public const string SqlServerChoice = "SqlServer";
    public const string ParquetFolderParameter = "ParquetFolder";
    public const string SqlServerParameter = "SqlServer";
    public const string SqlDatabaseParameter = "SqlDatabase";
    public const string SqlSchemaParameter = "SqlSchema";

    public static IReadOnlyList<string> Lines(ModelTable table)
    {
        var lines = new List<string> { "let", "    ColumnTypes = {" };
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = table.Columns[i];
            lines.Add($"        {{{Text(column.Name)}, {column.Type.PowerQueryType}}}{(i < table.Columns.Count - 1 ? "," : "")}");
        }

        lines.AddRange(
        [
            "    },",
            "    Source =",
            $"        if {DataSourceParameter} = {Text(SqlServerChoice)} then",
            $"            Sql.Database({SqlServerParameter}, {SqlDatabaseParameter}){{[Schema = {SqlSchemaParameter}, Item = {Text(table.Name)}]}}[Data]",
            "        else",
            ParquetSource(table.Name),
            "    Columns = Table.SelectColumns(Source, List.Transform(ColumnTypes, each _{0})),",
        ]);
        if (table.CurrentRowsOnly)
        {
            lines.Add("    Typed = Table.TransformColumnTypes(Columns, ColumnTypes),");
            lines.Add($"    CurrentRows = Table.SelectRows(Typed, each [{ModelTable.CurrentFlagColumn}] = true)");
            lines.Add("in");
            lines.Add("    CurrentRows");
        }
        else
        {
            lines.Add("    Typed = Table.TransformColumnTypes(Columns, ColumnTypes)");
            lines.Add("in");
            lines.Add("    Typed");
        }

        return lines;
    }

    /// <summary>
    /// The export's file of a table, or, for a table the export writes partitioned by date (Hive style,
    /// <c>&lt;table&gt;\&lt;column&gt;=yyyy-MM-dd\*.parquet</c>), every file of its folder combined, each with its partition's
    /// date put back as the column the files leave out.
    /// </summary>
    private static string ParquetSource(string table) =>
        Export.ParquetExport.PartitionedTables.TryGetValue(table, out var column)
            ? $"            Table.Combine(List.Transform(Table.ToRecords(Table.SelectRows(Folder.Files({ParquetFolderParameter} & {Text("\\" + table)}), each [Extension] = \".parquet\")), "
                + $"(file) => Table.AddColumn(Parquet.Document(file[Content]), {Text(column)}, each Date.FromText(Text.AfterDelimiter(Text.TrimEnd(file[Folder Path], \"\\\"), {Text(column + "=")}))))),"
            : $"            Parquet.Document(File.Contents({ParquetFolderParameter} & {Text("\\" + table + ".parquet")})),";

    /// <summary>An M text literal: <c>"</c> doubled; M has no backslash escapes.</summary>
    private static string Text(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
