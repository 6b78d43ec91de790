using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace C2C.Analytics.Pipeline.Tests.Sources.Salesforce.Support;

/// <summary>
/// Bulk API 2.0 query jobs: <c>POST /jobs/query</c> snapshots the records (query or queryAll); the job is
/// <c>InProgress</c> at its first status poll and <c>JobComplete</c> after (or <see cref="FailJobs"/>); results are CSV
/// pages of at most maxRecords rows, every value quoted, a header row on every page, relationship columns dotted
/// (<c>Account.Name</c>), null as an empty value, datetimes ending in Z, with <c>Sforce-NumberOfRecords</c> and
/// <c>Sforce-Locator</c> (the literal <c>null</c> on the last page).
/// </summary>
public sealed partial class FakeSalesforce
{
    private readonly ConcurrentDictionary<string, BulkJob> _jobs = new();

    /// <summary>Jobs end Failed with this error message instead of completing.</summary>
    public string? FailJobs { get; set; }

    /// <summary>Pages are sent without the header row after the first (the undocumented variant).</summary>
    public bool HeaderOnFirstPageOnly { get; set; }

    private Answer CreateJob(JsonObject? body)
    {
        var soql = (string?)body?["query"] ?? "";
        Queries.Enqueue(soql);
        var query = FakeSoql.Parse(soql);
        if (InvalidField(query) is { } invalid)
        {
            return invalid;
        }

        var id = "750FAKE" + (_jobs.Count + 1).ToString("00000000", CultureInfo.InvariantCulture) + "AAA";
        _jobs[id] = new BulkJob(query.Fields, Select(query, (string?)body?["operation"] == "queryAll"));
        return new Answer(200, new JsonObject
        {
            ["id"] = id,
            ["operation"] = (string?)body?["operation"],
            ["object"] = query.Object,
            ["createdById"] = "005FAKE000000001AAA",
            ["state"] = "UploadComplete",
            ["concurrencyMode"] = "Parallel",
            ["contentType"] = "CSV",
            ["apiVersion"] = 66.0,
            ["lineEnding"] = "LF",
            ["columnDelimiter"] = "COMMA",
        });
    }

    private Answer JobStatus(string id)
    {
        if (!_jobs.TryGetValue(id, out var job))
        {
            return new Answer(404, ErrorArray("NOT_FOUND", "The requested resource does not exist"));
        }

        job.Polls++;
        var state = job.Polls < 2 ? "InProgress" : FailJobs is null ? "JobComplete" : "Failed";
        var status = new JsonObject { ["id"] = id, ["state"] = state, ["jobType"] = "V2Query", ["numberRecordsProcessed"] = job.Records.Count };
        if (state == "Failed")
        {
            status["errorMessage"] = FailJobs;
        }

        return new Answer(200, status);
    }

    private Answer JobResults(string id, IQueryCollection query)
    {
        if (!_jobs.TryGetValue(id, out var job))
        {
            return new Answer(404, ErrorArray("NOT_FOUND", "The requested resource does not exist"));
        }

        var offset = query.TryGetValue("locator", out var locator) ? int.Parse(Encoding.ASCII.GetString(Convert.FromBase64String(locator!)), CultureInfo.InvariantCulture) : 0;
        var size = query.TryGetValue("maxRecords", out var max) ? int.Parse(max!, CultureInfo.InvariantCulture) : 50000;
        var end = Math.Min(job.Records.Count, offset + size);
        var csv = new StringBuilder();
        if (offset == 0 || !HeaderOnFirstPageOnly)
        {
            csv.Append(string.Join(",", job.Fields.Select(Quote))).Append('\n');
        }

        foreach (var record in job.Records.Skip(offset).Take(end - offset))
        {
            csv.Append(string.Join(",", job.Fields.Select(f => Quote(CsvValue(record, f))))).Append('\n');
        }

        var next = end < job.Records.Count ? Convert.ToBase64String(Encoding.ASCII.GetBytes(end.ToString(CultureInfo.InvariantCulture))) : "null";
        return new Answer(200, Encoding.UTF8.GetBytes(csv.ToString()), "text/csv")
        {
            Headers = [("Sforce-NumberOfRecords", (end - offset).ToString(CultureInfo.InvariantCulture)), ("Sforce-Locator", next)],
        };
    }

    private static string CsvValue(JsonObject record, string field)
    {
        JsonNode? node = record;
        foreach (var part in field.Split('.'))
        {
            node = node?[part];
        }

        return node switch
        {
            null => "",
            JsonValue value when value.GetValueKind() == JsonValueKind.String =>
                value.GetValue<string>().EndsWith("+0000", StringComparison.Ordinal) ? value.GetValue<string>()[..^5] + "Z" : value.GetValue<string>(),
            JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>() ? "true" : "false",
            _ => node.ToJsonString(),
        };
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed class BulkJob(IReadOnlyList<string> fields, List<JsonObject> records)
    {
        public IReadOnlyList<string> Fields => fields;

        public List<JsonObject> Records => records;

        public int Polls { get; set; }
    }
}
