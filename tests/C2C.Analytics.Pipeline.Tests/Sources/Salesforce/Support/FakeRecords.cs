using System.Globalization;
using System.Text.Json.Nodes;
using C2C.Analytics.Pipeline.Tests.Sources.Smartsheet.Support;

namespace C2C.Analytics.Pipeline.Tests.Sources.Salesforce.Support;

/// <summary>
/// Opportunity and OpportunityHistory records as the org holds them (every field the client may select), shaped as
/// the query resource returns them. Opportunity n has the Id of <see cref="TestTracker.DealId"/>(n), so that it joins
/// the test tracker's row n. Stages: Prospecting (10%), Proposal (50%), Negotiation (80%) open; Closed Won (100%) and
/// Closed Lost (0%) closed.
/// </summary>
public static class FakeRecords
{
    public static JsonObject Opportunity(int n, DateTimeOffset modstamp, string stage = "Prospecting", decimal? amount = 1000.0m,
        string closeDate = "2025-06-30", string? account = "Account", string currency = "USD", bool deleted = false)
    {
        var id = TestTracker.DealId(n);
        var accountId = "001FAKE" + n.ToString("00000000", CultureInfo.InvariantCulture) + "AAA";
        return new JsonObject
        {
            ["attributes"] = Attributes("Opportunity", id),
            ["Id"] = id,
            ["Name"] = $"Opportunity {n}",
            ["AccountId"] = account is null ? null : accountId,
            ["Account"] = account is null ? null : new JsonObject { ["attributes"] = Attributes("Account", accountId), ["Name"] = $"{account} {n}" },
            ["StageName"] = stage,
            ["Amount"] = amount,
            ["CloseDate"] = closeDate,
            ["Probability"] = Probability(stage),
            ["ForecastCategoryName"] = stage switch { "Closed Won" => "Closed", "Closed Lost" => "Omitted", _ => "Pipeline" },
            ["IsClosed"] = stage.StartsWith("Closed", StringComparison.Ordinal),
            ["IsWon"] = stage == "Closed Won",
            ["CurrencyIsoCode"] = currency,
            ["OwnerId"] = "005FAKE000000001AAA",
            ["Owner"] = new JsonObject { ["attributes"] = Attributes("User", "005FAKE000000001AAA"), ["Name"] = "Ana Sales", ["Email"] = "ana.sales@example.com" },
            ["CreatedDate"] = "2025-01-06T09:00:00.000+0000",
            ["LastModifiedDate"] = Timestamp(modstamp),
            ["SystemModstamp"] = Timestamp(modstamp),
            ["IsDeleted"] = deleted,
        };
    }

    public static JsonObject History(int n, int opportunity, string stage, DateTimeOffset at, decimal? amount = 1000.0m, bool deleted = false)
    {
        var id = "008FAKE" + n.ToString("00000000", CultureInfo.InvariantCulture) + "AAA";
        return new JsonObject
        {
            ["attributes"] = Attributes("OpportunityHistory", id),
            ["Id"] = id,
            ["OpportunityId"] = TestTracker.DealId(opportunity),
            ["StageName"] = stage,
            ["Amount"] = amount,
            ["ExpectedRevenue"] = amount is { } a ? a * Probability(stage) / 100m : null,
            ["CloseDate"] = "2025-06-30",
            ["Probability"] = Probability(stage),
            ["ForecastCategory"] = stage.StartsWith("Closed", StringComparison.Ordinal) ? "Closed" : "Pipeline",
            ["PrevAmount"] = null,
            ["PrevCloseDate"] = null,
            ["CreatedById"] = "005FAKE000000001AAA",
            ["CreatedDate"] = Timestamp(at),
            ["SystemModstamp"] = Timestamp(at),
            ["IsDeleted"] = deleted,
        };
    }

    /// <summary>Salesforce's datetime form: UTC, milliseconds, <c>+0000</c>.</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    /// <summary>Marks a record deleted as Salesforce does: IsDeleted, and a new SystemModstamp.</summary>
    public static void Delete(JsonObject record, DateTimeOffset at)
    {
        record["IsDeleted"] = true;
        record["SystemModstamp"] = Timestamp(at);
    }

    public static void Modify(JsonObject record, DateTimeOffset at, string field, JsonNode? value)
    {
        record[field] = value;
        record["SystemModstamp"] = Timestamp(at);
        if (record.ContainsKey("LastModifiedDate"))
        {
            record["LastModifiedDate"] = Timestamp(at);
        }
    }

    private static decimal Probability(string stage) => stage switch
    {
        "Proposal" => 50.0m,
        "Negotiation" => 80.0m,
        "Closed Won" => 100.0m,
        "Closed Lost" => 0.0m,
        _ => 10.0m,
    };

    private static JsonObject Attributes(string type, string id) =>
        new() { ["type"] = type, ["url"] = $"/services/data/v66.0/sobjects/{type}/{id}" };
}
