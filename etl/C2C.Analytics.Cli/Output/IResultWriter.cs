using System.Data.Common;

namespace C2C.Analytics.Cli.Output;

/// <summary>Prints a query result in one format, streaming it from the reader.</summary>
internal interface IResultWriter
{
    /// <summary>Writes the reader's columns and every row; returns the number of rows read.</summary>
    long WriteRows(DbDataReader reader);

    /// <summary>Reports a statement that returns no rows (DDL, SET, INSERT/UPDATE/DELETE).</summary>
    /// <param name="rowsChanged">Rows inserted, updated or deleted by the SQL text; -1 when none of its statements changes rows.</param>
    void WriteStatus(int rowsChanged);
}
