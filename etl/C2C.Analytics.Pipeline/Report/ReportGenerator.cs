using System.Diagnostics;
using System.Text;
using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline.Report.Data;
using C2C.Analytics.Pipeline.Report.Html;
using C2C.Analytics.Pipeline.Report.Owners;

namespace C2C.Analytics.Pipeline.Report;

/// <summary>
/// Writes the executive dashboard (<c>dashboard.html</c>) and, when asked, the owner task lists from the marts of a
/// warehouse, opened read-only. A warehouse without marts or without data gives a dashboard that says "No data".
/// </summary>
public static class ReportGenerator
{
    public const string DashboardFileName = "dashboard.html";

    /// <summary>From the warehouse file (which may not exist yet: then the dashboard says "No data").</summary>
    public static ReportResult Generate(string warehousePath, ReportRequest request, TimeProvider? clock = null)
    {
        if (!File.Exists(warehousePath))
        {
            if (request.AsOf is { } asOf)
            {
                throw new ReportException($"There is no warehouse at {warehousePath} to report as of {Format.Date(asOf)}: run c2c run --as-of {Format.Date(asOf)} first.");
            }

            return Write(DashboardData.Empty, () => [], request, clock ?? TimeProvider.System, Stopwatch.StartNew());
        }

        var builder = new DuckDbConnectionStringBuilder { DataSource = warehousePath, ReadOnly = true };
        using var connection = new DuckDbConnection(builder.ConnectionString);
        connection.Open();
        return Generate(connection, request, clock);
    }

    /// <summary>From an open connection to a warehouse.</summary>
    public static ReportResult Generate(DuckDbConnection connection, ReportRequest request, TimeProvider? clock = null)
    {
        var watch = Stopwatch.StartNew();
        var data = MartReader.Read(connection, request.QueueRows);
        if (request.AsOf is { } asOf && data.Headline?.AsOf != asOf)
        {
            throw new ReportException(data.Headline is { } headline
                ? $"The warehouse is as of {Format.Date(headline.AsOf)}, not {Format.Date(asOf)}: run c2c run --as-of {Format.Date(asOf)} to build it for that date, or leave out --as-of."
                : $"The warehouse has no marts to report as of {Format.Date(asOf)}: run c2c run --as-of {Format.Date(asOf)} first.");
        }

        return Write(data, () => MartReader.ReadQueue(connection, rows: null), request, clock ?? TimeProvider.System, watch);
    }

    private static ReportResult Write(DashboardData data, Func<IReadOnlyList<ActionRow>> fullQueue, ReportRequest request, TimeProvider clock, Stopwatch watch)
    {
        var generatedAt = clock.GetUtcNow();
        Directory.CreateDirectory(request.OutputDirectory);
        var path = Path.Combine(request.OutputDirectory, DashboardFileName);
        var bytes = Encoding.UTF8.GetBytes(DashboardPage.Render(data, generatedAt, request.QueueRows));
        // Written beside it, then moved over it: a reader never sees half a dashboard.
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);

        IReadOnlyList<OwnerTaskList> owners = [];
        string? ownersDirectory = null;
        if (request.Owners)
        {
            owners = OwnerTaskLists.Write(request.OutputDirectory, fullQueue(), data.Headline, generatedAt);
            ownersDirectory = Path.Combine(request.OutputDirectory, OwnerTaskLists.FolderName);
        }

        return new ReportResult(path, bytes.Length, data.Headline?.AsOf, data.HasData, ownersDirectory, owners, watch.Elapsed);
    }
}
