namespace C2C.Analytics.Pipeline.Report;

/// <summary>
/// What <c>c2c report</c> (and <c>c2c run</c> after a successful run) asks for: where to write, the date the warehouse
/// must be as of (null: whatever the last run built), the owner task lists too, and how many queue rows the dashboard
/// holds.
/// </summary>
public sealed record ReportRequest(string OutputDirectory, DateOnly? AsOf = null, bool Owners = false, int QueueRows = 500);

/// <summary>What was written.</summary>
public sealed record ReportResult(
    string DashboardPath,
    long DashboardBytes,
    DateOnly? AsOf,
    bool HasData,
    string? OwnersDirectory,
    IReadOnlyList<Owners.OwnerTaskList> OwnerLists,
    TimeSpan Elapsed);

/// <summary>The report cannot be written as asked (the message says why and what to do); nothing was written.</summary>
public sealed class ReportException(string message) : Exception(message);
