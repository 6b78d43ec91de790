namespace C2C.Analytics.Pipeline.PowerBi;

/// <summary>One column of a model table, with the properties the conventions give it.</summary>
public sealed record ModelColumn(
    string Name,
    ModelColumnType Type,
    string? Description,
    bool IsHidden,
    bool IsKey,
    string? DisplayFolder,
    string? SortByColumn);

/// <summary>
/// One table of the semantic model, as the generator writes it: a warehouse table, its importable columns, and its
/// partition, which reads it through the source parameters. <see cref="CurrentRowsOnly"/>: a dimension that keeps history
/// (<c>is_current</c>) is loaded with its current rows only, so that its key is unique for the relationships.
/// </summary>
public sealed record ModelTable(
    string Name,
    string? Description,
    IReadOnlyList<ModelColumn> Columns,
    bool IsDateTable,
    bool CurrentRowsOnly)
{
    /// <summary>The marked date table and its key column.</summary>
    public const string DateTableName = "dim_date";

    public const string DateColumnName = "date";

    /// <summary>The column that marks the current version of a row in a dimension that keeps history.</summary>
    public const string CurrentFlagColumn = "is_current";

    /// <summary>Builds the model table of a warehouse table; <paramref name="skipped"/> collects the columns left out.</summary>
    public static ModelTable From(WarehouseTable table, string? description, MetricsDocument metrics, ICollection<string> skipped)
    {
        var columns = new List<(WarehouseColumn Column, ModelColumnType Type)>();
        foreach (var column in table.Columns)
        {
            if (ModelColumnType.From(table.Name, column.Name, column.DuckDbType) is { } type)
            {
                columns.Add((column, type));
            }
            else
            {
                skipped.Add($"{table.Name}.{column.Name} ({column.DuckDbType})");
            }
        }

        var names = columns.Select(c => c.Column.Name).ToList();
        var isDateTable = table.Name == DateTableName && names.Contains(DateColumnName);
        var modelColumns = columns.Select(c =>
        {
            var hidden = ColumnConventions.IsHidden(c.Column.Name, names);
            return new ModelColumn(
                c.Column.Name,
                c.Type,
                metrics.ColumnDescription(table.Name, c.Column.Name),
                hidden,
                IsKey: isDateTable && c.Column.Name == DateColumnName,
                hidden ? null : ColumnConventions.DisplayFolder(c.Column.Name, c.Type),
                ColumnConventions.SortByColumn(c.Column.Name, names));
        }).ToList();
        var currentOnly = table.Name.StartsWith("dim_", StringComparison.Ordinal)
            && columns.Any(c => c.Column.Name == CurrentFlagColumn && c.Type.DataType == "boolean");
        return new ModelTable(table.Name, description, modelColumns, isDateTable, currentOnly);
    }
}
