namespace C2C.Analytics.SqlServer.Schema;

/// <summary>One table as it is published to SQL Server.</summary>
/// <param name="Name">The table name (the warehouse's).</param>
/// <param name="Columns">The columns in warehouse order.</param>
/// <param name="PrimaryKey">The key columns; empty for none.</param>
/// <param name="Columnstore">True for a clustered columnstore index (large and snapshot facts); the key, if any, is then nonclustered.</param>
/// <param name="SnapshotDateColumn">For a snapshot table, the date column it grows by; null for a table replaced on each publish.</param>
/// <param name="SourceRows">Rows in the warehouse table: what the published table must hold.</param>
public sealed record TargetTable(
    string Name,
    IReadOnlyList<TargetColumn> Columns,
    IReadOnlyList<string> PrimaryKey,
    bool Columnstore,
    string? SnapshotDateColumn,
    long SourceRows)
{
    public bool IsSnapshot => SnapshotDateColumn is not null;

    public TargetColumn Column(string name) => Columns.First(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}

/// <summary>One published column.</summary>
public sealed record TargetColumn(string Name, SqlServerType Type, bool IsNullable, string SourceExpression, ValueConversion Conversion);
