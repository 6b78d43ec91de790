using System.Globalization;
using System.Runtime.CompilerServices;
using C2C.Analytics.Benchmarks.Harness;
using C2C.Analytics.Benchmarks.Provider;
using C2C.Analytics.Calendar;
using C2C.Analytics.DuckDb;
using C2C.Analytics.Warehouse.Calendar;

namespace C2C.Analytics.Benchmarks.Calendar;

/// <summary>
/// <c>business_days_between</c> over N random date pairs in DuckDB through the calendar macros, against a plain
/// <c>b - a</c> over the same pairs (issue 3, "Performance"; target within 3x of the floor), three ways: aggregated
/// inside DuckDB (compute only), materialised into a table (as the SQL models use it), and every row read by the
/// client. Also the alternative design (a scalar-subquery join into dim_date instead of the list lookup), aggregated.
/// </summary>
internal sealed class CalendarBenchmark : IBenchmark
{
    private const string FloorSum = "floor-sum";
    private const string MacroSum = "macro-sum";
    private const string JoinSum = "join-sum";
    private const string NullCheckSum = "nullcheck-sum";
    private const string FloorTable = "floor-table";
    private const string MacroTable = "macro-table";
    private const string FloorRead = "floor-read";
    private const string MacroRead = "macro-read";
    private const double Target = 3.0;

    // A 20-year dim_date, the pairs inside it (a anywhere in 2017–2032, b within two years of a, either side).
    private static readonly DimDateRange Range = new(new DateOnly(2015, 1, 1), new DateOnly(2034, 12, 31));
    private static readonly DateOnly PairsFrom = new(2017, 1, 1);
    private const int PairsDays = 16 * 365;
    private const int MaxSpan = 730;

    private static readonly Dictionary<string, (string Title, string Sql)> Queries = new()
    {
        [FloorSum] = ("floor: SELECT sum(b - a)", "SELECT CAST(sum(b - a) AS BIGINT) FROM {0}"),
        [MacroSum] = ("SELECT sum(business_days_between(a, b))", "SELECT CAST(sum(business_days_between(a, b)) AS BIGINT) FROM {0}"),
        [JoinSum] = ("  alternative: scalar-subquery join macro", "SELECT CAST(sum(bench_business_days_between_join(a, b)) AS BIGINT) FROM {0}"),
        [NullCheckSum] = ("  alternative: range check by lookup NULL", "SELECT CAST(sum(bench_business_days_between_nullcheck(a, b)) AS BIGINT) FROM {0}"),
        [FloorTable] = ("floor: CREATE TABLE AS SELECT b - a", "CREATE OR REPLACE TABLE r AS SELECT b - a AS v FROM {0}"),
        [MacroTable] = ("CREATE TABLE AS SELECT business_days_between", "CREATE OR REPLACE TABLE r AS SELECT business_days_between(a, b) AS v FROM {0}"),
        [FloorRead] = ("floor: read every b - a", "SELECT b - a FROM {0}"),
        [MacroRead] = ("read every business_days_between(a, b)", "SELECT business_days_between(a, b) FROM {0}"),
    };

    private static readonly (string Macro, string Floor, string What)[] Ratios =
    [
        (MacroSum, FloorSum, "aggregated in DuckDB"),
        (MacroTable, FloorTable, "materialised (as models)"),
        (MacroRead, FloorRead, "read by the client"),
        (JoinSum, FloorSum, "join design, aggregated"),
        (NullCheckSum, FloorSum, "NULL-check design, aggr."),
    ];

    public string Name => "calendar";

    public string Description => "business_days_between over random date pairs through the macros vs SELECT b - a";

    public IReadOnlyList<string> Workloads { get; } = [FloorSum, MacroSum, JoinSum, NullCheckSum, FloorTable, MacroTable, FloorRead, MacroRead];

    public long DefaultRows => 10_000_000;

    public int Run(BenchmarkOptions options, TextWriter output)
    {
        using var workspace = TempDatabase.Create(options.TempRoot);
        using var connection = new DuckDbConnection($"Data Source={workspace.DatabasePath}");
        connection.Open();
        var calendar = new BusinessCalendar([DayOfWeek.Saturday, DayOfWeek.Sunday], [new UsFederalHolidays()]);
        var build = new DimDateBuilder(calendar).Build(connection, Range);
        Execute(connection, JoinMacro);
        Execute(connection, NullCheckMacro);
        output.WriteLine($"DuckDB  : {DuckDbConnection.LibraryVersion}, threads={Scalar(connection, "SELECT current_setting('threads')")}, "
            + $"database file in {workspace.Directory}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Calendar: us-federal, Saturday-Sunday; dim_date {build.Range} ({build.Days:N0} days) built in {build.Elapsed.TotalMilliseconds:0} ms"));
        output.WriteLine($"Pairs   : {options.Rows:N0} random (a, b), a in {PairsFrom:yyyy-MM-dd} + {PairsDays:N0} days, |b - a| <= {MaxSpan}; "
            + $"{options.Runs} runs per workload (median reported), interleaved with the floors");

        if (options.WarmupRows > 0)
        {
            _ = CreatePairs(connection, calendar, "pairs_warmup", options.WarmupRows);
            foreach (var key in Workloads.Where(options.Includes))
            {
                RunQuery(connection, key, "pairs_warmup");
            }
        }

        var expected = CreatePairs(connection, calendar, "pairs", options.Rows);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"C#      : sum of BusinessCalendar.BusinessDaysBetween over the pairs = {expected:N0}"));
        output.WriteLine();

        output.Write("Measuring ");
        var results = new Dictionary<string, WorkloadResult>();
        var checks = new Dictionary<string, long>();
        for (var run = 0; run < options.Runs; run++)
        {
            foreach (var key in Workloads.Where(options.Includes))
            {
                long value = 0;
                var measurement = Measurement.Take(() => value = RunQuery(connection, key, "pairs"));
                if (!results.TryGetValue(key, out var result))
                {
                    result = new WorkloadResult(Queries[key].Title, options.Rows, valuesPerRow: 1);
                    results[key] = result;
                }

                result.Add(measurement);
                checks[key] = key is FloorTable or MacroTable ? Convert.ToInt64(Scalar(connection, "SELECT CAST(sum(v) AS BIGINT) FROM r"), CultureInfo.InvariantCulture) : value;
            }

            output.Write('.');
        }

        output.WriteLine();
        output.WriteLine();
        var ordered = Workloads.Where(results.ContainsKey).Select(k => results[k]).ToList();
        ResultTable.Print(output, ordered);
        output.WriteLine();
        output.WriteLine("Runs in order:");
        ResultTable.PrintRuns(output, ordered);
        ResultTable.WarnIfDisturbed(output, ordered);
        output.WriteLine();

        foreach (var (macro, floor, what) in Ratios)
        {
            if (results.TryGetValue(macro, out var m) && results.TryGetValue(floor, out var f))
            {
                var ratio = m.MedianWall / f.MedianWall;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{macro + " / " + floor,-26}: {ratio,5:0.00}x  {what,-26} (target <= {Target:0.0}x)  {(ratio <= Target ? "met" : "MISSED")}"));
            }
        }

        var ok = true;
        foreach (var (key, value) in checks.Where(c => c.Key is MacroSum or JoinSum or NullCheckSum or MacroTable or MacroRead))
        {
            var same = value == expected;
            ok &= same;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key,-12} sum = {value,15:N0}  {(same ? "== C#" : "!= C# (" + expected.ToString("N0", CultureInfo.InvariantCulture) + ")  WRONG")}"));
        }

        return ok ? 0 : 1;
    }

    /// <summary>
    /// The alternative design the list lookup is measured against: the same range check, then one scalar subquery into
    /// dim_date per date (DuckDB decorrelates it into a join).
    /// </summary>
    private static string JoinMacro => string.Create(CultureInfo.InvariantCulture, $"""
        CREATE OR REPLACE TEMP MACRO bench_business_days_between_join(a, b) AS
            CASE WHEN a < DATE '{Range.From:yyyy-MM-dd}' OR a > DATE '{Range.To:yyyy-MM-dd}' OR b < DATE '{Range.From:yyyy-MM-dd}' OR b > DATE '{Range.To:yyyy-MM-dd}'
                 THEN CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE error('outside dim_date') END
                 ELSE (SELECT business_day_index FROM dim_date WHERE date = b) - (SELECT business_day_index FROM dim_date WHERE date = a) END
        """);

    /// <summary>
    /// The other range check measured: no comparisons on the hot path, the lookup's NULL sends a row to the error.
    /// Positions count from the day before the range in a list without day_index's leading element (so that day is
    /// element 0, NULL), and the AND with 2^62 - 1 turns a negative position (which DuckDB would count from the end of
    /// the list) into one past the end. It evaluates each argument once instead of three times, but costs two ANDs and
    /// a COALESCE per row: a little slower than the CASE on bare DATE columns (see the benchmark README).
    /// </summary>
    private static string NullCheckMacro => string.Create(CultureInfo.InvariantCulture, $"""
        CREATE OR REPLACE TEMP MACRO bench_business_days_between_nullcheck(a, b) AS
            coalesce((SELECT day_index[2:] FROM dim_date_lookup)[(b - DATE '{Range.From.AddDays(-1):yyyy-MM-dd}') & 4611686018427387903]
                     - (SELECT day_index[2:] FROM dim_date_lookup)[(a - DATE '{Range.From.AddDays(-1):yyyy-MM-dd}') & 4611686018427387903],
                     CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE error('outside dim_date') END)
        """);

    /// <summary>Appends <paramref name="rows"/> random pairs into a new table; returns C#'s sum of BusinessDaysBetween over them.</summary>
    private static long CreatePairs(DuckDbConnection connection, BusinessCalendar calendar, string table, long rows)
    {
        Execute(connection, $"CREATE OR REPLACE TABLE {table} (a DATE NOT NULL, b DATE NOT NULL)");
        var random = new Random(20261127);
        long sum = 0;
        using (var appender = connection.CreateAppender(table))
        {
            for (long i = 0; i < rows; i++)
            {
                var a = PairsFrom.AddDays(random.Next(PairsDays));
                var b = a.AddDays(random.Next(-MaxSpan, MaxSpan + 1));
                sum += calendar.BusinessDaysBetween(a, b);
                appender.CreateRow().AppendValue(a).AppendValue(b).EndRow();
            }
        }

        Execute(connection, "CHECKPOINT");
        return sum;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long RunQuery(DuckDbConnection connection, string key, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = string.Format(CultureInfo.InvariantCulture, Queries[key].Sql, table);
        switch (key)
        {
            case FloorTable or MacroTable:
                command.ExecuteNonQuery();
                return 0;
            case FloorRead or MacroRead:
                long sum = 0;
                using (var reader = command.ExecuteReader())
                {
                    var isInt32 = reader.GetFieldType(0) == typeof(int);
                    while (reader.Read())
                    {
                        sum += isInt32 ? reader.GetInt32(0) : reader.GetInt64(0);
                    }
                }

                return sum;
            default:
                return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    private static void Execute(DuckDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(DuckDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
