using System.Globalization;
using C2C.Analytics.Benchmarks.Harness;
using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Benchmarks.Provider;

/// <summary>
/// The provider's two bulk paths against DuckDB doing the same work natively (issue 2, "Performance"):
/// the appender against INSERT … SELECT FROM range(N), and the data reader against aggregates over the table.
/// </summary>
internal sealed class ProviderBenchmark : IBenchmark
{
    private const string Generate = "generate";
    private const string Appender = "appender";
    private const string InsertFloor = "insert-floor";
    private const string Reader = "reader";
    private const string AggregateFloor = "aggregate-floor";
    private const double AppenderTarget = 2.0;
    private const double ReaderTargetValuesPerSecond = 20_000_000;

    public string Name => "provider";

    public string Description => "DuckDbAppender and DuckDbDataReader against DuckDB's own floor";

    public IReadOnlyList<string> Workloads { get; } = [Generate, Appender, InsertFloor, Reader, AggregateFloor];

    public long DefaultRows => 10_000_000;

    public int Run(BenchmarkOptions options, TextWriter output)
    {
        using var workspace = TempDatabase.Create(options.TempRoot);
        using var connection = new DuckDbConnection($"Data Source={workspace.DatabasePath}");
        connection.Open();
        output.WriteLine($"DuckDB  : {DuckDbConnection.LibraryVersion}, threads={Scalar(connection, "SELECT current_setting('threads')")}, "
            + $"database file in {workspace.Directory}");
        output.WriteLine($"Rows    : {options.Rows:N0} per run, {options.Runs} runs per workload (median reported), "
            + $"warm-up {options.WarmupRows:N0} rows");
        output.WriteLine();

        if (options.WarmupRows > 0)
        {
            output.Write("Warm-up ... ");
            _ = new Session(connection, options, options.WarmupRows, runs: 1).Run();
            output.WriteLine("done");
        }

        output.Write("Measuring ");
        var session = new Session(connection, options, options.Rows, options.Runs, () => output.Write('.'));
        var results = session.Run();
        output.WriteLine();
        output.WriteLine();

        ResultTable.Print(output, results);
        output.WriteLine();
        output.WriteLine("Runs in order:");
        ResultTable.PrintRuns(output, results);
        ResultTable.WarnIfDisturbed(output, results);
        output.WriteLine();

        var byKey = session.Measured;
        if (byKey.TryGetValue(Appender, out var appender) && byKey.TryGetValue(InsertFloor, out var insertFloor))
        {
            var ratio = appender.MedianWall / insertFloor.MedianWall;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"appender / INSERT floor   : {ratio:0.00}x   (target <= {AppenderTarget:0.0}x)  {(ratio <= AppenderTarget ? "met" : "MISSED")}"));
        }

        if (byKey.TryGetValue(Reader, out var reader))
        {
            var met = reader.ValuesPerSecond >= ReaderTargetValuesPerSecond;
            output.WriteLine(
                $"reader values/s           : {ResultTable.Millions(reader.ValuesPerSecond)}   (target >= {ResultTable.Millions(ReaderTargetValuesPerSecond)})  {(met ? "met" : "MISSED")}");
            if (byKey.TryGetValue(AggregateFloor, out var aggregateFloor))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"reader / aggregate floor  : {reader.MedianWall / aggregateFloor.MedianWall:0.00}x"));
            }
        }

        var ok = true;
        if (session.RowsIdentical is { } identical)
        {
            output.WriteLine($"appender rows == floor rows (count and hash of every row): {(identical ? "yes" : "NO")}");
            ok &= identical;
        }

        if (session.SumsMatch is { } match)
        {
            output.WriteLine($"reader sums == DuckDB's aggregates: {(match ? "yes" : "NO")} ({session.Sums})");
            ok &= match;
        }

        return ok ? 0 : 1;
    }

    private static void RecreateTable(DuckDbConnection connection) =>
        Execute(connection, $"DROP TABLE IF EXISTS t; {BenchmarkRows.CreateTable}; CHECKPOINT");

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

    /// <summary>One pass over the selected workloads at one row count (the warm-up, then the measurement).</summary>
    private sealed class Session(DuckDbConnection connection, BenchmarkOptions options, long rows, int runs, Action? progress = null)
    {
        private static readonly Dictionary<string, string> Titles = new()
        {
            [Generate] = "values generated only (no DuckDB)",
            [Appender] = "appender (DuckDbAppender, incl. Close)",
            [InsertFloor] = "floor: INSERT ... SELECT FROM range(N)",
            [Reader] = "reader (DuckDbDataReader, typed getters)",
            [AggregateFloor] = "floor: SELECT sum(...), max(...) FROM t",
        };

        public Dictionary<string, WorkloadResult> Measured { get; } = [];

        /// <summary>Null when the appender was not measured.</summary>
        public bool? RowsIdentical { get; private set; }

        /// <summary>Null when the reader was not measured.</summary>
        public bool? SumsMatch { get; private set; }

        public TableSums Sums { get; private set; }

        public List<WorkloadResult> Run()
        {
            // Interleaved, so that a drift of the machine (other load, file growth) touches both sides alike.
            long checksum = 0;
            for (var run = 0; run < runs; run++)
            {
                Measure(Generate, () => checksum += Provider.Workloads.GenerateOnly(rows));
                Measure(InsertFloor, () => Provider.Workloads.InsertFloor(connection, rows), before: () => RecreateTable(connection));
                Measure(Appender, () => Provider.Workloads.Append(connection, rows), before: () => RecreateTable(connection));
                progress?.Invoke();
            }

            GC.KeepAlive(checksum);
            if (Measured.ContainsKey(Appender))
            {
                RowsIdentical = RowsMatchFloor();
            }

            if (!options.Includes(Reader) && !options.Includes(AggregateFloor))
            {
                return Ordered();
            }

            if (!Measured.ContainsKey(Appender))
            {
                // The readers need the table: let DuckDB fill it (untimed).
                RecreateTable(connection);
                Provider.Workloads.InsertFloor(connection, rows);
            }

            TableSums sums = default;
            TableSums expected = default;
            for (var run = 0; run < runs; run++)
            {
                Measure(Reader, () => sums = Provider.Workloads.Read(connection));
                Measure(AggregateFloor, () => expected = Provider.Workloads.AggregateFloor(connection));
                progress?.Invoke();
            }

            if (Measured.ContainsKey(Reader))
            {
                if (!Measured.ContainsKey(AggregateFloor))
                {
                    expected = Provider.Workloads.AggregateFloor(connection);
                }

                Sums = sums;
                SumsMatch = sums.Matches(expected);
            }

            return Ordered();
        }

        private List<WorkloadResult> Ordered() =>
            [.. Titles.Keys.Where(Measured.ContainsKey).Select(k => Measured[k])];

        private void Measure(string key, Action body, Action? before = null)
        {
            if (!options.Includes(key))
            {
                return;
            }

            before?.Invoke();
            if (!Measured.TryGetValue(key, out var result))
            {
                result = new WorkloadResult(Titles[key], rows, BenchmarkRows.ValuesPerRow);
                Measured[key] = result;
            }

            result.Add(Measurement.Take(body));
        }

        /// <summary>Table t holds the appender's rows: DuckDB builds the floor's rows into f and compares fingerprints.</summary>
        private bool RowsMatchFloor()
        {
            Execute(connection, "DROP TABLE IF EXISTS f; " + BenchmarkRows.CreateTable.Replace("TABLE t", "TABLE f", StringComparison.Ordinal));
            Execute(connection, string.Format(CultureInfo.InvariantCulture, BenchmarkRows.InsertFloor, rows).Replace("INTO t", "INTO f", StringComparison.Ordinal));
            var appended = Fingerprint("t");
            var floor = Fingerprint("f");
            Execute(connection, "DROP TABLE f; CHECKPOINT");
            return appended == floor;
        }

        private string Fingerprint(string table)
        {
            using var command = connection.CreateCommand();
            command.CommandText = string.Format(CultureInfo.InvariantCulture, BenchmarkRows.Fingerprint, table);
            using var reader = command.ExecuteReader();
            reader.Read();
            return $"{reader.GetValue(0)}/{reader.GetValue(1)}";
        }
    }
}
