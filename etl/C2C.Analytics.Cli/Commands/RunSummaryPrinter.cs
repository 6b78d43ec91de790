using System.Globalization;
using C2C.Analytics.Pipeline.Run;

namespace C2C.Analytics.Cli.Commands;

/// <summary>The end-of-run report: where the results are, rows per table, reconciliation, rejects by reason.</summary>
internal static class RunSummaryPrinter
{
    public static void Print(RunSummary summary, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"Run {summary.Run.RunId} succeeded in {summary.Elapsed.TotalSeconds:0.0} s (as of {summary.Run.AsOf:yyyy-MM-dd}, source: {summary.Run.Origin})."));
        output.WriteLine($"  warehouse: {Path.GetFullPath(summary.WarehousePath)}");
        output.WriteLine($"  parquet:   {Path.GetFullPath(summary.ExportDirectory)} ({summary.ExportedTables.Count} tables)");
        output.WriteLine();
        output.WriteLine("Steps:");
        foreach (var step in summary.Steps)
        {
            output.WriteLine(string.Create(c, $"  {step.Name,-14} {step.Elapsed.TotalSeconds,8:0.00} s"));
        }

        output.WriteLine();
        output.WriteLine("Tables:");
        foreach (var model in summary.Models.Where(m => m.Rows is not null && !m.Model.Name.StartsWith("stg_", StringComparison.Ordinal) && !m.Model.Name.StartsWith("int_", StringComparison.Ordinal)))
        {
            output.WriteLine(string.Create(c, $"  {model.Model.Name,-36} {model.Rows,12:N0} rows"));
        }

        output.WriteLine();
        output.WriteLine("Reconciliation (extracted = loaded + rejected):");
        foreach (var source in summary.Sources)
        {
            var mark = source.Reconciles ? "ok" : "MISMATCH";
            output.WriteLine(string.Create(c,
                $"  {source.Source + "/" + source.Entity,-32} {source.Extracted,10:N0} = {source.Loaded,10:N0} + {source.Rejected,8:N0}  {mark}"));
        }

        output.WriteLine();
        if (summary.RejectsByReason.Count == 0)
        {
            output.WriteLine("Rejects: none.");
        }
        else
        {
            output.WriteLine(string.Create(c, $"Rejects by reason (details: c2c sql \"select * from etl_reject where run_id = '{summary.Run.RunId}'\"):"));
            foreach (var (reason, count) in summary.RejectsByReason)
            {
                output.WriteLine(string.Create(c, $"  {reason,-28} {count,8:N0}"));
            }
        }
    }
}
