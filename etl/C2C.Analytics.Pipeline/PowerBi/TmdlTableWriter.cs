using System.Text;

namespace C2C.Analytics.Pipeline.PowerBi;

/// <summary>
/// Writes a <see cref="ModelTable"/> as TMDL: one tab per level, names quoted only where TMDL needs it, descriptions as
/// <c>///</c> lines, and an M partition that reads the table from the Parquet export or from SQL Server, as the
/// <c>DataSource</c> parameter says (expressions.tmdl). The same table always gives the same text, byte for byte.
/// </summary>
public static class TmdlTableWriter
{
    /// <summary>The annotation that marks a file <c>c2c powerbi</c> writes (and may rewrite or remove).</summary>
    public const string GeneratedAnnotation = "c2c_generated";

    public static string Write(ModelTable table)
    {
        var text = new StringBuilder();
        Description(text, 0, table.Description);
        Line(text, 0, "table " + TmdlName.Quote(table.Name));
        if (table.IsDateTable)
        {
            Line(text, 1, "dataCategory: Time");
        }

        foreach (var column in table.Columns)
        {
            text.Append('\n');
            Column(text, column);
        }

        text.Append('\n');
        Partition(text, table);
        text.Append('\n');
        Line(text, 1, "annotation PBI_ResultType = Table");
        text.Append('\n');
        Line(text, 1, $"annotation {GeneratedAnnotation} = written by c2c powerbi from the warehouse catalog: change the warehouse model, then run c2c powerbi");
        return text.ToString();
    }

    private static void Column(StringBuilder text, ModelColumn column)
    {
        Description(text, 1, column.Description);
        Line(text, 1, "column " + TmdlName.Quote(column.Name));
        Line(text, 2, "dataType: " + column.Type.DataType);
        if (column.IsHidden)
        {
            Line(text, 2, "isHidden");
        }

        if (column.IsKey)
        {
            Line(text, 2, "isKey");
        }

        if (column.Type.FormatString is { } format)
        {
            Line(text, 2, "formatString: " + format);
        }

        if (column.DisplayFolder is { } folder)
        {
            Line(text, 2, "displayFolder: " + folder);
        }

        Line(text, 2, "summarizeBy: none");
        Line(text, 2, "sourceColumn: " + column.Name);
        if (column.SortByColumn is { } sortBy)
        {
            Line(text, 2, "sortByColumn: " + TmdlName.Quote(sortBy));
        }

        if (column.Type.IsDate)
        {
            text.Append('\n');
            Line(text, 2, "annotation UnderlyingDateTimeDataType = Date");
        }
    }

    private static void Partition(StringBuilder text, ModelTable table)
    {
        Line(text, 1, $"partition {TmdlName.Quote(table.Name)} = m");
        Line(text, 2, "mode: import");
        Line(text, 2, "source =");
        foreach (var line in PartitionQuery.Lines(table))
        {
            Line(text, 4, line);
        }
    }

    private static void Description(StringBuilder text, int level, string? description)
    {
        if (description is { Length: > 0 })
        {
            Line(text, level, "/// " + description.ReplaceLineEndings(" "));
        }
    }

    private static void Line(StringBuilder text, int level, string line) => text.Append('\t', level).Append(line).Append('\n');
}
