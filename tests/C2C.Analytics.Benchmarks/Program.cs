// Run: dotnet run -c Release --project tests/C2C.Analytics.Benchmarks -- <benchmark> [--rows N] [--runs N]
// (e.g. "provider"; no arguments lists the benchmarks and options).
using C2C.Analytics.Benchmarks;
using C2C.Analytics.Benchmarks.Harness;
using C2C.Analytics.Benchmarks.Provider;

// One class per benchmark; add a new one to this list and it becomes a sub-command.
IBenchmark[] benchmarks =
[
    new ProviderBenchmark(),
    new C2C.Analytics.Benchmarks.Calendar.CalendarBenchmark(),
    new C2C.Analytics.Benchmarks.Smartsheet.SmartsheetBenchmark(),
    new C2C.Analytics.Benchmarks.Report.ReportBenchmark(),
    new C2C.Analytics.Benchmarks.Salesforce.SalesforceBenchmark(),
    new C2C.Analytics.Benchmarks.Pipeline.PipelineBenchmark(),
];

return BenchmarkDispatcher.Run(benchmarks, args);
