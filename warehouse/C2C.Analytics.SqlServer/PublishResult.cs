using System.Globalization;
using C2C.Analytics.SqlServer.Schema;

namespace C2C.Analytics.SqlServer;

/// <summary>What a publish did.</summary>
public sealed record PublishResult(
    Guid PublishId,
    PublishRequest Run,
    string Target,
    string Schema,
    int SchemaVersion,
    IReadOnlyList<TablePublished> Tables,
    IReadOnlyList<SchemaChange> Changes,
    TimeSpan Elapsed)
{
    public long Rows => Tables.Sum(t => t.Rows);
}

/// <summary>One published table: its rows on the server, and how many were copied (fewer for a snapshot window).</summary>
/// <param name="Table">The table name.</param>
/// <param name="WindowStart">For a snapshot table loaded incrementally, the first date loaded; null when the table was loaded whole.</param>
/// <param name="Rows">Rows in the published table.</param>
/// <param name="RowsCopied">Rows sent by bulk copy.</param>
/// <param name="Elapsed">Time to load it into staging.</param>
public sealed record TablePublished(string Table, DateTime? WindowStart, long Rows, long RowsCopied, TimeSpan Elapsed);

/// <summary>A table's row count on the server differs from the warehouse's: nothing was switched.</summary>
public sealed class RowCountMismatchException(string table, long expected, long actual, string where)
    : PublishException(string.Create(CultureInfo.InvariantCulture,
        $"{table}: the warehouse has {expected:N0} rows to publish but {where} holds {actual:N0}. Nothing was switched: the published tables are the previous publish's."))
{
    public string Table { get; } = table;

    public long Expected { get; } = expected;

    public long Actual { get; } = actual;
}

/// <summary>The warehouse changed a published table in a way that could lose data or break a report.</summary>
public sealed class BreakingSchemaChangeException(IReadOnlyList<SchemaChange> changes)
    : PublishException(
        "The warehouse changed published tables in a way that could lose data or break a report:\n  " +
        string.Join("\n  ", changes) +
        "\nNothing was published. To rebuild these tables from the warehouse, publish once with --accept-breaking-changes " +
        "(or Publish:SqlServer:AcceptBreakingChanges=true).")
{
    public IReadOnlyList<SchemaChange> Changes { get; } = changes;
}
