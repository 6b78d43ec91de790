using System.Globalization;
using C2C.Analytics.Benchmarks.Harness;
using C2C.Analytics.Calendar;
using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Sample;
using C2C.Analytics.Pipeline.Tracker;
using C2C.Analytics.Warehouse.Models;
using C2C.Analytics.Warehouse.Raw;

namespace C2C.Analytics.Benchmarks.Pipeline;

/// <summary>
/// The whole run at scale (issues 4 and 5, "Performance"): the sample of --engagements is landed once (as
/// <c>c2c sample</c> would), then, --runs times and back to back in this process, the floor — DuckDB alone reading the
/// same landing files into tables, <c>CREATE TABLE … AS SELECT * FROM read_json(…)</c>, no transforms — and the run —
/// <see cref="PipelineRunner"/> on that landing run (<c>c2c run --landing</c>) into a new warehouse. Reports the median
/// of each, their ratio, the run's steps and slowest models. Targets: run ≤ 2.5× the floor; at 100,000 engagements
/// also ≤ 30 s and ≤ 2 GiB peak working set.
/// </summary>
internal sealed class PipelineBenchmark : IBenchmark
{
    private const string Floor = "floor";
    private const string FloorTyped = "floor-typed";
    private const string RunWorkload = "run";
    private const double RatioTarget = 2.5;
    private const long AbsoluteTargetsUpTo = 100_000;
    private static readonly TimeSpan WallTarget = TimeSpan.FromSeconds(30);
    private const long PeakTarget = 2L << 30;
    private const int WarmupEngagements = 2_000;
    private const int Seed = 42;
    private static readonly DateOnly AsOf = new(2025, 6, 30);
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private static readonly string[] Order = [Floor, FloorTyped, RunWorkload];

    public string Name => "pipeline";

    public string Description => "c2c run on a landed sample of --engagements vs DuckDB alone reading the same landing files";

    public IReadOnlyList<string> Workloads => Order;

    public long DefaultRows => 100_000;

    public int Run(BenchmarkOptions options, TextWriter output)
    {
        if (options.Rows > 10_000_000)
        {
            Console.Error.WriteLine("The sample has at most 10,000,000 engagements.");
            return 2;
        }

        var keep = options.DataDirectory is not null;
        var root = Path.GetFullPath(options.DataDirectory ?? Path.Combine(options.TempRoot, "c2c-bench-pipeline-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(root);
        try
        {
            return Measure(options, output, root);
        }
        finally
        {
            if (!keep)
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static int Measure(BenchmarkOptions options, TextWriter output, string root)
    {
        var engagements = (int)options.Rows;
        output.WriteLine($"DuckDB  : {DuckDbConnection.LibraryVersion}, threads {options.Threads?.ToString(C) ?? "default (all cores)"}, run's memory limit {options.MemoryLimit ?? new PipelineOptions().MemoryLimit ?? "DuckDB's default"}; data in {root}");
        var sample = LandedSample.Ensure(root, engagements, Seed, AsOf, output);
        sample.Print(output);

        if (options.WarmupRows > 0)
        {
            var warmup = LandedSample.Ensure(Path.Combine(root, "warm-up"), (int)Math.Min(options.WarmupRows, WarmupEngagements), Seed, AsOf, TextWriter.Null);
            RunFloor(warmup, typed: false, options.Threads);
            RunPipeline(warmup, new CpuTrace(), options);
            output.WriteLine($"Warm-up : floor and run on {warmup.Engagements:N0} engagements, untimed");
        }

        output.WriteLine($"Runs    : {options.Runs} rounds of {string.Join(" → ", Order.Where(options.Includes))}, back to back; medians reported");
        output.WriteLine();

        var floor = new WorkloadResult(Floor, engagements, 1);
        var floorTyped = new WorkloadResult(FloorTyped, engagements, 1);
        var run = new WorkloadResult(RunWorkload, engagements, 1);
        var summaries = new List<(RunSummary Summary, CpuTrace Cpu)>();
        for (var round = 0; round < options.Runs; round++)
        {
            if (options.Includes(Floor))
            {
                floor.Add(Measurement.Take(() => RunFloor(sample, typed: false, options.Threads)));
            }

            if (options.Includes(FloorTyped))
            {
                floorTyped.Add(Measurement.Take(() => RunFloor(sample, typed: true, options.Threads)));
            }

            if (options.Includes(RunWorkload))
            {
                RunSummary? summary = null;
                var cpu = new CpuTrace();
                run.Add(Measurement.Take(() => summary = RunPipeline(sample, cpu, options)));
                cpu.Mark("end");
                summaries.Add((summary!, cpu));
            }
        }

        var results = new[] { floor, floorTyped, run }.Where(r => r.Runs.Count > 0).ToList();
        output.WriteLine("(rows = engagements; values/s = engagements/s)");
        ResultTable.Print(output, results);
        output.WriteLine();
        output.WriteLine("Runs in order:");
        ResultTable.PrintRuns(output, results);
        ResultTable.WarnIfDisturbed(output, results);
        output.WriteLine();
        foreach (var result in results)
        {
            output.WriteLine(string.Create(C, $"{result.Name,-12} {result.MedianWall.TotalMilliseconds * 1000 / engagements,8:0.0} µs per engagement (median)"));
        }

        if (summaries.Count == 0)
        {
            return 0;
        }

        PrintSteps(output, summaries);
        PrintModels(output, summaries);
        var stageRows = summaries[^1].Summary.Models.FirstOrDefault(m => m.Model.Name == "fct_engagement_stage")?.Rows;
        output.WriteLine(string.Create(C, $"fct_engagement_stage: {stageRows:N0} rows"));
        output.WriteLine();
        return floor.Runs.Count > 0 ? CheckTargets(output, engagements, floor, run) : 0;
    }

    /// <summary>The floor: each landed entity read by DuckDB into a table of a new database, nothing else.</summary>
    private static void RunFloor(LandedSample sample, bool typed, int? threads)
    {
        var path = Path.Combine(sample.DataDirectory, typed ? "floor-typed.duckdb" : "floor.duckdb");
        DeleteDatabase(path);
        using (var connection = new DuckDbConnection(new DuckDbConnectionStringBuilder { DataSource = path, Threads = threads }.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            foreach (var source in RawSource.All)
            {
                var files = sample.Files(source);
                var list = RawLoader.FileList(files);
                // The issue's floor: read_json's own detection, a table per entity. "floor-typed" reads each raw table's
                // columns with the raw load's types instead, without unnesting anything.
                var reads = typed
                    ? source.Tables.Select(t => (t.Name, $", columns = {t.Columns}, format = 'auto', records = 'true'"))
                    : [(source.Source + "__" + source.Entity, string.Empty)];
                foreach (var (table, columns) in reads)
                {
                    command.CommandText = string.Create(C,
                        $"CREATE TABLE {table} AS SELECT * FROM read_json({list}{columns}, maximum_object_size = {RawLoader.MaximumObjectSizeFor(files)})");
                    command.ExecuteNonQuery();
                }
            }
        }

        DeleteDatabase(path);
    }

    /// <summary>The run: <c>c2c run --landing RUN_ID</c> into a new warehouse and export folder.</summary>
    private static RunSummary RunPipeline(LandedSample sample, CpuTrace cpu, BenchmarkOptions options)
    {
        var data = sample.DataDirectory;
        DeleteDatabase(Path.Combine(data, "warehouse.duckdb"));
        if (Directory.Exists(Path.Combine(data, "export")))
        {
            Directory.Delete(Path.Combine(data, "export"), recursive: true);
        }

        var tracker = new TrackerOptions();
        var runner = new PipelineRunner(new PipelineOptions { Threads = options.Threads, MemoryLimit = options.MemoryLimit ?? new PipelineOptions().MemoryLimit }, tracker, new CalendarOptions(),
            new SampleSourceExtractor(new SampleSourceOptions { Engagements = sample.Engagements, Seed = Seed }, tracker),
            ModelCatalog.Load(ModelCatalog.DefaultDirectory), Path.Combine(AppContext.BaseDirectory, "functions"));
        runner.Progress += cpu.Mark;
        return runner.RunAsync(new RunRequest(data, AsOf, LandingRunId: sample.RunId)).GetAwaiter().GetResult();
    }

    private static void DeleteDatabase(string path)
    {
        File.Delete(path);
        File.Delete(path + ".wal");
    }

    private static void PrintSteps(TextWriter output, IReadOnlyList<(RunSummary Summary, CpuTrace Cpu)> runs)
    {
        output.WriteLine();
        output.WriteLine("Run steps (median over the runs of PipelineRunner's own timings; cpu: from the step's start to the next's; peak so far: VmHWM at its end, largest of the runs):");
        var total = Median(runs.Select(r => r.Summary.Elapsed));
        var names = runs[0].Summary.Steps.Select(s => s.Name).ToList();
        foreach (var name in names)
        {
            var median = Median(runs.Select(r => r.Summary.Steps.First(st => st.Name == name).Elapsed));
            var cpu = Median(runs.Select(r => r.Cpu.Step(name, names)?.Cpu ?? TimeSpan.Zero));
            var peak = runs.Max(r => r.Cpu.Step(name, names)?.Peak);
            output.WriteLine(string.Create(C, $"  {name,-16} {median.TotalSeconds,8:0.000} s {100 * median / total,5:0}%   cpu {cpu.TotalSeconds,8:0.000} s   peak so far {Megabytes(peak),6} MB"));
        }

        var stepsSum = runs.Select(r => r.Summary.Steps.Sum(st => st.Elapsed.TotalSeconds)).Order().ElementAt(runs.Count / 2);
        output.WriteLine(string.Create(C, $"  {"(between steps)",-16} {total.TotalSeconds - stepsSum,8:0.000} s          (reconciliation, commit, publish, etl tables)"));
        output.WriteLine(string.Create(C, $"  {"whole run",-16} {total.TotalSeconds,8:0.000} s"));
    }

    private static void PrintModels(TextWriter output, IReadOnlyList<(RunSummary Summary, CpuTrace Cpu)> runs)
    {
        const int Shown = 20;
        var models = runs[0].Summary.Models
            .Select(m => (m.Model.Name, m.Rows,
                Median: Median(runs.Select(r => r.Summary.Models.First(x => x.Model.Name == m.Model.Name).Elapsed)),
                Cpu: Median(runs.Select(r => r.Cpu.Model(m.Model.Name)?.Cpu ?? TimeSpan.Zero)),
                Peak: runs.Max(r => r.Cpu.Model(m.Model.Name)?.Peak)))
            .OrderByDescending(m => m.Median)
            .ToList();
        output.WriteLine();
        output.WriteLine(string.Create(C, $"Slowest models (median; {models.Count} models, {models.Sum(m => m.Median.TotalSeconds):0.000} s, cpu {models.Sum(m => m.Cpu.TotalSeconds):0.000} s together):"));
        foreach (var (name, rows, median, cpu, peak) in models.Take(Shown))
        {
            output.WriteLine(string.Create(C, $"  {name,-40} {median.TotalSeconds,8:0.000} s   cpu {cpu.TotalSeconds,8:0.000} s   peak so far {Megabytes(peak),6} MB {rows,12:N0} rows"));
        }

        var rest = models.Skip(Shown).ToList();
        output.WriteLine(string.Create(C, $"  {$"the other {rest.Count}",-40} {rest.Sum(m => m.Median.TotalSeconds),8:0.000} s   cpu {rest.Sum(m => m.Cpu.TotalSeconds),8:0.000} s"));
    }

    private static string Megabytes(long? bytes) => bytes is { } b ? (b / 1048576.0).ToString("0", C) : "n/a";

    private static int CheckTargets(TextWriter output, long engagements, WorkloadResult floor, WorkloadResult run)
    {
        var ratio = run.MedianWall / floor.MedianWall;
        var perRound = floor.Runs.Zip(run.Runs, (f, r) => r.Wall / f.Wall).ToList();
        var missed = 0;
        output.WriteLine("Targets:");
        output.WriteLine(string.Create(C,
            $"  run / floor       {ratio,6:0.00}x (per round: {string.Join(", ", perRound.Select(r => r.ToString("0.00", C)))})  target <= {RatioTarget:0.0}x: {Verdict(ratio <= RatioTarget, ref missed)}"));
        if (engagements <= AbsoluteTargetsUpTo)
        {
            output.WriteLine(string.Create(C,
                $"  run wall time     {run.MedianWall.TotalSeconds,6:0.00} s  target <= {WallTarget.TotalSeconds:0} s: {Verdict(run.MedianWall <= WallTarget, ref missed)}"));
            if (run.MaxPeakWorkingSet is { } peak)
            {
                output.WriteLine(string.Create(C,
                    $"  run peak memory   {peak / 1048576.0,6:0} MB (largest of the runs)  target <= {PeakTarget / 1048576} MB: {Verdict(peak <= PeakTarget, ref missed)}"));
            }
        }
        else
        {
            output.WriteLine($"  (the 30 s and 2 GiB targets are for {AbsoluteTargetsUpTo:N0} engagements)");
        }

        return missed == 0 ? 0 : 1;
    }

    private static string Verdict(bool met, ref int missed)
    {
        missed += met ? 0 : 1;
        return met ? "met" : "MISSED";
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
