namespace C2C.Analytics.SqlServer.Schema;

/// <summary>
/// How a value read from DuckDB becomes one SqlClient 2.1 can bulk copy. DuckDB's provider hands out <see cref="DateOnly"/>
/// and <see cref="TimeOnly"/>, which that SqlClient does not know; every other conversion is done by a cast in the
/// DuckDB query (see <see cref="ColumnMapping.SourceExpression"/>).
/// </summary>
public enum ValueConversion
{
    None,

    /// <summary><see cref="DateOnly"/> → <see cref="DateTime"/> at midnight (for DATE).</summary>
    DateOnlyToDateTime,

    /// <summary><see cref="TimeOnly"/> → <see cref="TimeSpan"/> since midnight (for TIME).</summary>
    TimeOnlyToTimeSpan,

    /// <summary>A UTC instant as <see cref="DateTime"/> → <see cref="DateTimeOffset"/> at offset zero (for DATETIMEOFFSET).</summary>
    UtcDateTimeToOffset,
}
