namespace C2C.Analytics.DuckDb;

/// <summary>DuckDB's kind of statement result (<c>duckdb_result_type</c>).</summary>
public enum DuckDbResultKind
{
    /// <summary>A query's rows.</summary>
    Rows,

    /// <summary>INSERT, UPDATE or DELETE: one <c>Count</c> row holding the rows changed.</summary>
    ChangedRows,

    /// <summary>DDL, SET and the like: no rows of its own.</summary>
    Nothing,
}
