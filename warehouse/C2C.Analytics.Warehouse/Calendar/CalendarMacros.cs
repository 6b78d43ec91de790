using System.Globalization;

namespace C2C.Analytics.Warehouse.Calendar;

/// <summary>
/// The SQL macros over <c>dim_date</c>: <c>business_day_index(d)</c>, <c>business_days_between(a, b)</c>,
/// <c>networkdays(a, b)</c> and <c>workday(d, n)</c>, as <c>CREATE OR REPLACE MACRO</c> statements for one range.
/// </summary>
/// <remarks>
/// <para>
/// Every macro is a constant-time lookup into two lists held by the one-row table <c>dim_date_lookup</c>, which
/// <see cref="DimDateBuilder"/> derives from <c>dim_date</c> in the same transaction:
/// <c>day_index</c> (element 1 is 0, for the day before the range; element k + 2 is the <c>business_day_index</c> of
/// the range's k-th day, k from 0) and <c>business_days</c> (element k is the date whose index is k). An uncorrelated
/// subquery reads each list once per query; every row then costs a subtraction and a list element, with no join.
/// Measured on 10 M random pairs this is two to three times as fast as the equivalent scalar-subquery join into
/// <c>dim_date</c> (see the calendar benchmark).
/// </para>
/// <para>
/// The range's first and last day are literals in the macro text (the builder rewrites the macros with the table), so
/// the range check is two comparisons with constants. A date outside the range raises DuckDB's <c>error()</c> naming
/// the function, the date and the range; NULL in any argument gives NULL.
/// </para>
/// </remarks>
public static class CalendarMacros
{
    public const string BusinessDayIndex = "business_day_index";
    public const string BusinessDaysBetween = "business_days_between";
    public const string NetworkDays = "networkdays";
    public const string WorkDay = "workday";

    /// <summary>The macros, in creation order.</summary>
    public static IReadOnlyList<string> Names { get; } = [BusinessDayIndex, BusinessDaysBetween, NetworkDays, WorkDay];

    /// <summary>The <c>CREATE OR REPLACE MACRO</c> statements for a <c>dim_date</c> over <paramref name="range"/>.</summary>
    public static IReadOnlyList<string> CreateStatements(DimDateRange range)
    {
        var sql = new Sql(range);
        var index = sql.Index;
        return
        [
            $"""
            CREATE OR REPLACE MACRO {BusinessDayIndex}(d) AS
                coalesce({sql.RangeIndexOf("d")}, {sql.OutOfRange(BusinessDayIndex, "d")})
            """,
            $"""
            CREATE OR REPLACE MACRO {BusinessDaysBetween}(a, b) AS
                coalesce({sql.RangeIndexOf("b")} - {sql.RangeIndexOf("a")}, {sql.OutOfRange(BusinessDaysBetween, "a", "b")})
            """,
            $"""
            CREATE OR REPLACE MACRO {NetworkDays}(a, b) AS
                CASE WHEN {sql.Outside("a")} OR {sql.Outside("b")} THEN {sql.OutOfRange(NetworkDays, "a", "b")}
                     WHEN {Sql.Date("b")} >= {Sql.Date("a")} THEN {index}[{Sql.Date("b")} - {sql.TwoBefore}] - {index}[{Sql.Date("a")} - {sql.OneBefore}]
                     ELSE {index}[{Sql.Date("b")} - {sql.OneBefore}] - {index}[{Sql.Date("a")} - {sql.TwoBefore}] END
            """,
            // Forward, the n-th business day after d has index I(d) + n. Backward, the last business day before d has
            // index I(d - 1), so the n-th one before it has I(d - 1) + n + 1. An index outside 1..count has no date:
            // business_days[k] is NULL for k = 0 (greatest() keeps k from wrapping around) and for k > count.
            $"""
            CREATE OR REPLACE MACRO {WorkDay}(d, n) AS
                CASE WHEN {sql.Outside("d")} THEN CASE WHEN n IS NULL THEN NULL ELSE {sql.Error(WorkDay, "d")} END
                     WHEN trunc(n) = 0 THEN {Sql.Date("d")}
                     ELSE coalesce(
                         {sql.BusinessDays}[greatest(CASE WHEN n > 0 THEN {index}[{Sql.Date("d")} - {sql.TwoBefore}] + CAST(trunc(n) AS BIGINT)
                                                         ELSE {index}[{Sql.Date("d")} - {sql.OneBefore}] + CAST(trunc(n) AS BIGINT) + 1 END, 0)],
                         CASE WHEN d IS NULL OR n IS NULL THEN NULL
                              ELSE error('{WorkDay}(' || CAST({Sql.Date("d")} AS VARCHAR) || ', ' || CAST(n AS VARCHAR) || '): the result falls '
                                         || CASE WHEN n > 0 THEN 'after {sql.Last}, the last day' ELSE 'before {sql.First}, the first day' END
                                         || ' of the business calendar: {sql.RangeAdvice}') END) END
            """,
        ];
    }

    /// <summary>Comments for the macros (DuckDB's <c>COMMENT ON MACRO</c>), shown by <c>duckdb_functions()</c>.</summary>
    public static IReadOnlyList<string> CommentStatements() =>
    [
        $"COMMENT ON MACRO {BusinessDayIndex} IS 'Business days from the first day of dim_date through d (dim_date.business_day_index). Error outside dim_date; NULL in, NULL out.'",
        $"COMMENT ON MACRO {BusinessDaysBetween} IS 'Business days x with a < x <= b (cycle time): 0 when a = b, negative when b < a. Error outside dim_date; NULL in, NULL out.'",
        $"COMMENT ON MACRO {NetworkDays} IS 'Excel NETWORKDAYS(a, b): business days from a to b, both counted; negative when b < a. Error outside dim_date; NULL in, NULL out.'",
        $"COMMENT ON MACRO {WorkDay} IS 'Excel WORKDAY(d, n): the n-th business day after d (before d when n < 0; d itself when n = 0, even on a weekend). Error when d or the result is outside dim_date; NULL in, NULL out.'",
    ];

    /// <summary>The pieces the statements are made of.</summary>
    private sealed class Sql(DimDateRange range)
    {
        public string Index => $"(SELECT day_index FROM {DimDateBuilder.LookupTable})";

        public string BusinessDays => $"(SELECT business_days FROM {DimDateBuilder.LookupTable})";

        public string RangeIndex => $"(SELECT range_index FROM {DimDateBuilder.LookupTable})";

        /// <summary>
        /// <c>business_day_index</c> of a date, or NULL when the date is NULL or outside the range: element
        /// <c>d - OneBefore</c> of <c>range_index</c>. Inside the range that position is 1 to count; the day before
        /// gives 0 (DuckDB's list[0] is NULL); after the range it is past the end (NULL). Before the range the
        /// difference is negative, and a negative list index would count from the end (a silent wrong number for
        /// dates up to count days early), so the AND with 2^62 - 1 turns it into 2^62 minus a few thousand or
        /// million, past the end as well (a date difference is far below 2^62 in magnitude; infinity and -infinity
        /// included). Non-negative positions are unchanged.
        /// </summary>
        public string RangeIndexOf(string parameter) => $"{RangeIndex}[({Date(parameter)} - {OneBefore}) & {PositionMask}]";

        public string First { get; } = Text(range.From);

        public string Last { get; } = Text(range.To);

        /// <summary>The day before the range: <c>d - OneBefore</c> is d's position in <c>day_index</c> minus one.</summary>
        public string OneBefore { get; } = Literal(range.From.AddDays(-1));

        /// <summary><c>d - TwoBefore</c> is d's position in <c>day_index</c> (element 1 stands for the day before the range).</summary>
        public string TwoBefore { get; } = Literal(range.From.AddDays(-2));

        /// <summary>2^62 - 1: see <see cref="RangeIndexOf"/>.</summary>
        private const string PositionMask = "4611686018427387903";

        public string RangeAdvice =>
            $"dim_date covers {First} to {Last}. Rebuild it over a wider range (c2c calendar build --from/--to, or the settings Calendar:RangeStart/RangeEnd).";

        public static string Date(string parameter) => $"CAST({parameter} AS DATE)";

        public string Outside(string parameter) =>
            $"({Date(parameter)} < {Literal(range.From)} OR {Date(parameter)} > {Literal(range.To)})";

        /// <summary>The THEN branch of a range check: NULL when any argument is NULL, else the error for the first date outside.</summary>
        public string OutOfRange(string function, params string[] parameters)
        {
            var anyNull = string.Join(" OR ", parameters.Select(p => $"{p} IS NULL"));
            var culprit = parameters.Length == 1
                ? parameters[0]
                : $"CASE WHEN {Outside(parameters[0])} THEN {parameters[0]} ELSE {parameters[1]} END";
            return $"CASE WHEN {anyNull} THEN NULL ELSE {Error(function, culprit)} END";
        }

        public string Error(string function, string date) =>
            $"error('{function}: ' || CAST({Date(date)} AS VARCHAR) || ' is outside the business calendar: {RangeAdvice}')";

        private static string Literal(DateOnly date) => $"DATE '{Text(date)}'";

        private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
