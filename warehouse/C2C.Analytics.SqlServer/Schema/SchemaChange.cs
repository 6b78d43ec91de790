using System.Globalization;

namespace C2C.Analytics.SqlServer.Schema;

/// <summary>A column of a table that is already on the server (from <c>sys.columns</c>).</summary>
public sealed record ExistingColumn(string Name, SqlServerType Type, bool IsNullable);

public enum SchemaChangeKind
{
    TableCreated,
    ColumnAdded,
    TypeWidened,
    NullabilityChanged,

    /// <summary>Breaking: a report reading the column would fail.</summary>
    ColumnRemoved,

    /// <summary>Breaking: the new type cannot hold every value the old one could.</summary>
    TypeNarrowed,
}

/// <summary>One difference between a published table and the warehouse's definition of it; recorded in <c>etl_schema_version</c>.</summary>
public sealed record SchemaChange(string Table, SchemaChangeKind Kind, string? Column = null, SqlServerType? From = null, SqlServerType? To = null, int Columns = 0, bool NowNullable = false)
{
    public bool IsBreaking => Kind is SchemaChangeKind.ColumnRemoved or SchemaChangeKind.TypeNarrowed;

    public string Description => Kind switch
    {
        SchemaChangeKind.TableCreated => string.Create(CultureInfo.InvariantCulture, $"table created with {Columns} columns"),
        SchemaChangeKind.ColumnAdded => $"column {Column} added ({To})",
        SchemaChangeKind.TypeWidened => $"column {Column} widened from {From} to {To}",
        SchemaChangeKind.NullabilityChanged => NowNullable ? $"column {Column} now allows NULL" : $"column {Column} no longer allows NULL",
        SchemaChangeKind.ColumnRemoved => $"column {Column} ({From}) is no longer in the warehouse",
        SchemaChangeKind.TypeNarrowed => $"column {Column} would change from {From} to {To}, which cannot hold every value of {From}",
        _ => Kind.ToString(),
    };

    public override string ToString() => $"{Table}: {Description}";
}
