using C2C.Analytics.SqlServer.Catalog;

namespace C2C.Analytics.SqlServer.Schema;

/// <summary>
/// Turns the warehouse's tables into the SQL Server tables that publish them: types (<see cref="TypeMapping"/>), the
/// declared key as the primary key (clustered, unless the table is a columnstore), a clustered columnstore index on
/// snapshot facts and on facts of at least <see cref="SqlServerPublishOptions.ColumnstoreMinRows"/> rows.
/// </summary>
public static class SchemaPlanner
{
    /// <summary>SQL Server's limit on the size of a clustered index key.</summary>
    public const int MaxClusteredKeyBytes = 900;

    public static IReadOnlyList<TargetTable> Plan(IReadOnlyList<WarehouseTable> tables, SqlServerPublishOptions options)
    {
        foreach (var configured in options.SnapshotTables.Where(s => !string.IsNullOrWhiteSpace(s.Value)))
        {
            // A snapshot table configured but not (yet) in the warehouse is simply not published; one that is
            // there must have its date column.
            if (tables.FirstOrDefault(t => t.Name == configured.Key) is { } table && table.Find(configured.Value) is null)
            {
                throw new PublishConfigurationException(
                    $"Publish:SqlServer:SnapshotTables names '{configured.Value}' as the date column of {table.Name}, which has no such column.");
            }
        }

        return tables.Select(t => Plan(t, options)).ToList();
    }

    public static TargetTable Plan(WarehouseTable table, SqlServerPublishOptions options)
    {
        var columns = table.Columns.Select(c =>
        {
            var mapping = TypeMapping.Map(table.Name, c);
            return new TargetColumn(c.Name, mapping.Type, c.IsNullable, mapping.SourceExpression, mapping.Conversion);
        }).ToList();

        var snapshotColumn = options.SnapshotTables.TryGetValue(table.Name, out var configured) && !string.IsNullOrWhiteSpace(configured) ? configured : null;
        if (snapshotColumn is not null && columns.First(c => c.Name == snapshotColumn).Type.Name is not ("DATE" or "DATETIME2"))
        {
            throw new PublishConfigurationException(
                $"{table.Name}.{snapshotColumn} is configured as a snapshot date (Publish:SqlServer:SnapshotTables) but is not a DATE or TIMESTAMP.");
        }

        var isFact = table.Name.StartsWith("fct_", StringComparison.Ordinal);
        var columnstore = snapshotColumn is not null || (isFact && table.Rows >= options.ColumnstoreMinRows);
        CheckKey(table, columns);
        return new TargetTable(table.Name, columns, table.PrimaryKey, columnstore, snapshotColumn, table.Rows);
    }

    private static void CheckKey(WarehouseTable table, List<TargetColumn> columns)
    {
        var bytes = 0;
        foreach (var name in table.PrimaryKey)
        {
            var column = columns.First(c => c.Name == name);
            if (column.Type.KeyBytes is not { } size)
            {
                throw new WarehouseCatalogException(
                    $"{table.Name}.{name} is in the primary key ({table.DeclaredIn}) but would be {column.Type} on SQL Server, which cannot be indexed: " +
                    $"declare its maximum length (-- max length: {name} N).");
            }

            bytes += size;
        }

        // A nonclustered key beside a columnstore may be up to 1,700 bytes; the stricter clustered limit keeps one rule.
        if (bytes > MaxClusteredKeyBytes)
        {
            throw new WarehouseCatalogException(
                $"The primary key of {table.Name} ({string.Join(", ", table.PrimaryKey)}) takes {bytes} bytes on SQL Server, over its {MaxClusteredKeyBytes}-byte limit for an index key ({table.DeclaredIn}).");
        }
    }
}
