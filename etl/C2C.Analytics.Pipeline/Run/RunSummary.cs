using C2C.Analytics.DuckDb;
using C2C.Analytics.Warehouse.Models;

namespace C2C.Analytics.Pipeline.Run;

/// <summary>What a finished run did: for the terminal, the log and the tests.</summary>
public sealed record RunSummary(
    RunRecord Run,
    DateTimeOffset FinishedAt,
    string WarehousePath,
    string ExportDirectory,
    IReadOnlyList<StepTiming> Steps,
    IReadOnlyList<ModelResult> Models,
    IReadOnlyList<SourceCount> Sources,
    IReadOnlyList<(string Reason, long Count)> RejectsByReason,
    IReadOnlyList<string> ExportedTables)
{
    public TimeSpan Elapsed => FinishedAt - Run.StartedAt;

    internal static RunSummary Read(DuckDbConnection connection, RunRecord run, DateTimeOffset finishedAt, string warehouse, string export,
        IReadOnlyList<StepTiming> steps, IReadOnlyList<ModelResult> models, IReadOnlyList<SourceCount> sources, IReadOnlyList<string> exported)
    {
        var rejects = new List<(string, long)>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT reason, count(*) FROM etl_reject WHERE run_id = $run_id GROUP BY reason ORDER BY count(*) DESC, reason";
        command.Parameters.Add("run_id", run.RunId);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rejects.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }

        return new RunSummary(run, finishedAt, warehouse, export, steps, models, sources, rejects, exported);
    }
}
