using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace C2C.Analytics.Pipeline.Tests.Sources.Salesforce.Support;

/// <summary>
/// <c>/query</c> (live records) and <c>/queryAll</c> (deleted ones too): the SOQL is run once, its records snapshot in
/// a cursor, and served in pages of at most <see cref="PageSize"/> (or the batchSize asked for) with
/// <c>nextRecordsUrl = /services/data/v66.0/query/&lt;cursor&gt;-&lt;offset&gt;</c> on every page but the last. Records carry
/// <c>attributes</c> and the selected fields only; parents are nested with their own <c>attributes</c>, a null lookup is
/// JSON null.
/// </summary>
public sealed partial class FakeSalesforce
{
    private readonly ConcurrentDictionary<string, (List<JsonObject> Records, int Size)> _cursors = new();
    private int _cursorCount;

    /// <summary>The records a query selects, filtered, ordered and projected.</summary>
    internal List<JsonObject> Select(FakeSoql query, bool includeDeleted)
    {
        var source = query.Object == "Opportunity" ? Opportunities : History;
        lock (source)
        {
            IEnumerable<JsonObject> selected = source.Where(r => includeDeleted || r["IsDeleted"]?.GetValue<bool>() != true)
                .Where(r => query.Since is not { } since || Modstamp(r) >= since)
                .Where(r => query.Filters.All(f => f.Values.Contains(Value(r, f.Path))));
            if (query.Ordered)
            {
                selected = selected.OrderBy(Modstamp).ThenBy(r => (string?)r["Id"], StringComparer.Ordinal);
            }

            return selected.Take(query.Limit ?? int.MaxValue).Select(r => Project(r, query.Fields)).ToList();
        }
    }

    internal static DateTimeOffset Modstamp(JsonObject record) =>
        DateTimeOffset.Parse((string)record["SystemModstamp"]!, CultureInfo.InvariantCulture);

    private Answer Query(bool includeDeleted, string soql, IHeaderDictionary headers)
    {
        Queries.Enqueue(soql);
        FakeSoql query;
        try
        {
            query = FakeSoql.Parse(soql);
        }
        catch (FormatException e)
        {
            return new Answer(400, ErrorArray("MALFORMED_QUERY", e.Message));
        }

        if (InvalidField(query) is { } invalid)
        {
            return invalid;
        }

        var records = Select(query, includeDeleted);
        if (query.IsCount)
        {
            return new Answer(200, new JsonObject { ["totalSize"] = records.Count, ["done"] = true, ["records"] = new JsonArray() });
        }

        var size = PageSize;
        if (headers.TryGetValue("Sforce-Query-Options", out var options) && options.ToString().Split('=') is ["batchSize", var asked])
        {
            size = Math.Min(size, int.Parse(asked, CultureInfo.InvariantCulture));
        }

        var cursor = "01gFAKE" + Interlocked.Increment(ref _cursorCount).ToString("00000000", CultureInfo.InvariantCulture) + "AAA";
        _cursors[cursor] = (records, size);
        return Page(cursor, 0);
    }

    private Answer NextPage(string locator)
    {
        var dash = locator.LastIndexOf('-');
        return dash > 0 && _cursors.ContainsKey(locator[..dash]) && int.TryParse(locator[(dash + 1)..], CultureInfo.InvariantCulture, out var offset)
            ? Page(locator[..dash], offset)
            : new Answer(400, ErrorArray("INVALID_QUERY_LOCATOR", "invalid query locator"));
    }

    private Answer Page(string cursor, int offset)
    {
        var (records, size) = _cursors[cursor];
        var end = Math.Min(records.Count, offset + size);
        var page = new JsonObject { ["totalSize"] = records.Count, ["done"] = end == records.Count };
        if (end < records.Count)
        {
            page["nextRecordsUrl"] = string.Create(CultureInfo.InvariantCulture, $"/services/data/v66.0/query/{cursor}-{end}");
        }

        page["records"] = new JsonArray(records.Skip(offset).Take(end - offset).Select(r => (JsonNode)r.DeepClone()).ToArray());
        return new Answer(200, page);
    }

    /// <summary>400 INVALID_FIELD, worded as Salesforce words it, for the first selected field the org does not have.</summary>
    private Answer? InvalidField(FakeSoql query)
    {
        var missing = query.Fields.FirstOrDefault(f => MissingFields.Contains(f) || MissingFields.Contains(f.Split('.')[0]));
        if (missing is null)
        {
            return null;
        }

        var soql = "SELECT " + string.Join(", ", query.Fields) + " FROM " + query.Object;
        var column = soql.IndexOf(missing, StringComparison.Ordinal) + 1;
        var message = string.Create(CultureInfo.InvariantCulture,
            $"\n{soql}\n{new string(' ', column - 1)}^\nERROR at Row:1:Column:{column}\nNo such column '{missing.Split('.')[0]}' on entity '{query.Object}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.");
        return new Answer(400, ErrorArray("INVALID_FIELD", message));
    }

    private JsonObject Project(JsonObject record, IReadOnlyList<string> fields)
    {
        var projected = new JsonObject { ["attributes"] = record["attributes"]?.DeepClone() };
        foreach (var field in fields)
        {
            var parts = field.Split('.');
            JsonObject target = projected;
            JsonNode? source = record;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                source = source?[parts[i]];
                if (source is null)
                {
                    target[parts[i]] = null;
                    goto next;
                }

                if (target[parts[i]] is not JsonObject nested)
                {
                    nested = new JsonObject { ["attributes"] = source["attributes"]?.DeepClone() };
                    target[parts[i]] = nested;
                }

                target = nested;
            }

            target[parts[^1]] = source?[parts[^1]]?.DeepClone();
        next:;
        }

        return projected;
    }

    /// <summary>A field path's value as text (for IN filters); <c>Opportunity.…</c> on a history record looks at its opportunity.</summary>
    private string? Value(JsonObject record, string path)
    {
        var parts = path.Split('.');
        JsonNode? node = record;
        if (parts[0] == "Opportunity" && record["OpportunityId"] is { } opportunityId)
        {
            lock (Opportunities)
            {
                node = Opportunities.FirstOrDefault(o => (string?)o["Id"] == (string?)opportunityId);
            }

            parts = parts[1..];
        }

        foreach (var part in parts)
        {
            node = node?[part];
        }

        return node?.ToString();
    }
}
