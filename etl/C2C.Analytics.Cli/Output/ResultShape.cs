using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Cli.Output;

/// <summary>Tells a statement's status result apart from a query's rows.</summary>
internal static class ResultShape
{
    /// <summary>True when the last statement returns no rows of its own (DDL, SET, INSERT/UPDATE/DELETE).</summary>
    public static bool IsStatus(DuckDbDataReader reader) => reader.ResultKind != DuckDbResultKind.Rows;
}
