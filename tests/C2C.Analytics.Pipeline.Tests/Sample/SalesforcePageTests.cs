using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using C2C.Analytics.Pipeline.Tests.Sample.Support;

namespace C2C.Analytics.Pipeline.Tests.Sample;

/// <summary>
/// The Salesforce pages have the shape of the <c>/query</c> responses in ../shared/reference/salesforce (copied to
/// Fixtures/): paging fields, record fields in the same order with the same JSON kinds, nested parents, formats.
/// </summary>
public partial class SalesforcePageTests(SharedSample shared) : IClassFixture<SharedSample>
{
    private readonly SampleFolder _sample = shared.Sample;

    [Theory]
    [InlineData("opportunities")]
    [InlineData("opportunity_history")]
    public void Pages_follow_the_query_paging_rules(string entity)
    {
        var files = _sample.Files("salesforce", entity);
        var total = _sample.Manifest("salesforce", entity).RecordCount;
        var seen = 0L;
        Assert.True(files.Count > 2);
        for (var i = 0; i < files.Count; i++)
        {
            var page = LandedPages.ReadJson(files[i]);
            var last = i == files.Count - 1;
            Assert.Equal(["totalSize", "done", .. last ? Array.Empty<string>() : ["nextRecordsUrl"], "records"], LandedPages.Names(page));
            Assert.Equal(total, page.GetProperty("totalSize").GetInt64());
            Assert.Equal(last, page.GetProperty("done").GetBoolean());
            var records = page.GetProperty("records").GetArrayLength();
            Assert.InRange(records, 1, 500); // the shared sample's page size
            seen += records;
            if (!last)
            {
                var next = NextRecordsUrl().Match(page.GetProperty("nextRecordsUrl").GetString()!);
                Assert.True(next.Success, page.GetProperty("nextRecordsUrl").GetString());
                Assert.True(IndependentChecksum.IsValid18(next.Groups["locator"].Value));
                Assert.Equal(seen, long.Parse(next.Groups["offset"].Value, CultureInfo.InvariantCulture));
            }
        }

        Assert.Equal(total, seen);
    }

    [Fact]
    public void With_the_default_page_size_no_page_holds_more_than_2000_records()
    {
        using var sample = new SampleFolder(engagements: 2500);

        var pages = sample.Files("salesforce", "opportunities").Select(LandedPages.ReadJson).ToList();

        Assert.True(pages.Count >= 3);
        Assert.All(pages, p => Assert.InRange(p.GetProperty("records").GetArrayLength(), 1, 2000));
        Assert.All(pages[..^1], p => Assert.Equal(2000, p.GetProperty("records").GetArrayLength()));
    }

    [Theory]
    [InlineData("opportunities", "query_opportunity_page1.json")]
    [InlineData("opportunity_history", "query_opportunity_history.json")]
    public void Records_have_the_reference_fields_in_order_with_the_same_json_kinds(string entity, string fixture)
    {
        var reference = LandedPages.ReadJson(LandedPages.Fixture(fixture)).GetProperty("records")[0];

        foreach (var record in LandedPages.Records(_sample, entity))
        {
            AssertSameShape(reference, record, entity);
        }
    }

    [Fact]
    public void Opportunity_values_use_salesforce_formats()
    {
        var records = LandedPages.Records(_sample, "opportunities");

        foreach (var record in records)
        {
            var id = record.GetProperty("Id").GetString()!;
            Assert.True(IndependentChecksum.IsValid18(id), id);
            Assert.StartsWith("006", id, StringComparison.Ordinal);
            Assert.Equal("/services/data/v66.0/sobjects/Opportunity/" + id, record.GetProperty("attributes").GetProperty("url").GetString());
            Assert.Matches(DateFormat(), record.GetProperty("CloseDate").GetString()!);
            foreach (var field in new[] { "CreatedDate", "LastModifiedDate", "SystemModstamp" })
            {
                Assert.Matches(TimestampFormat(), record.GetProperty(field).GetString()!);
            }

            Assert.Matches(JavaDouble(), record.GetProperty("Probability").GetRawText());
            if (record.GetProperty("Amount").ValueKind == JsonValueKind.Number)
            {
                Assert.Matches(JavaDouble(), record.GetProperty("Amount").GetRawText());
            }

            if (record.GetProperty("Account").ValueKind == JsonValueKind.Object)
            {
                var accountId = record.GetProperty("AccountId").GetString()!;
                Assert.True(IndependentChecksum.IsValid18(accountId), accountId);
                Assert.EndsWith("/Account/" + accountId, record.GetProperty("Account").GetProperty("attributes").GetProperty("url").GetString(), StringComparison.Ordinal);
            }

            var owner = record.GetProperty("Owner");
            Assert.EndsWith("/User/" + record.GetProperty("OwnerId").GetString(), owner.GetProperty("attributes").GetProperty("url").GetString(), StringComparison.Ordinal);
            Assert.Matches("^[a-z0-9.]+@example\\.com$", owner.GetProperty("Email").GetString()!);
            Assert.True(string.CompareOrdinal(record.GetProperty("LastModifiedDate").GetString(), record.GetProperty("SystemModstamp").GetString()) <= 0);
        }

        Assert.Equal(records.Count, records.Select(r => r.GetProperty("Id").GetString()).Distinct().Count());
        // Ordered as an incremental query asks: SystemModstamp, then Id.
        var keys = records.Select(r => r.GetProperty("SystemModstamp").GetString() + "|" + r.GetProperty("Id").GetString()).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
    }

    [Fact]
    public void Opportunities_are_won_lost_and_open_in_several_currencies_with_a_few_without_account()
    {
        var records = LandedPages.Records(_sample, "opportunities");
        var byStage = records.GroupBy(r => r.GetProperty("StageName").GetString()!).ToDictionary(g => g.Key, g => g.ToList());

        Assert.Equal(_sample.Result.Engagements, byStage["Closed Won"].Count);
        Assert.All(byStage["Closed Won"], r => Assert.True(r.GetProperty("IsWon").GetBoolean() && r.GetProperty("IsClosed").GetBoolean()));
        Assert.All(byStage["Closed Lost"], r => Assert.True(!r.GetProperty("IsWon").GetBoolean() && r.GetProperty("IsClosed").GetBoolean()));
        Assert.True(byStage["Closed Lost"].Count > 300);
        Assert.True(byStage.Keys.Count(k => !k.StartsWith("Closed", StringComparison.Ordinal)) >= 6, "open opportunities in most sales stages");
        Assert.Contains(records, r => r.GetProperty("Account").ValueKind == JsonValueKind.Null && !r.GetProperty("IsClosed").GetBoolean());
        var currencies = records.GroupBy(r => r.GetProperty("CurrencyIsoCode").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(["EUR", "GBP", "USD"], currencies.Keys.Order(StringComparer.Ordinal));
        Assert.True(currencies["USD"] > records.Count / 2, "mostly USD");
        Assert.Contains(records, r => NonAscii().IsMatch(r.GetProperty("Owner").GetProperty("Name").GetString()!));
    }

    [Fact]
    public void History_records_belong_to_landed_opportunities_and_follow_each_one_from_creation()
    {
        var opportunities = LandedPages.Records(_sample, "opportunities").ToDictionary(r => r.GetProperty("Id").GetString()!);
        var history = LandedPages.Records(_sample, "opportunity_history");

        var stamps = history.Select(h => h.GetProperty("SystemModstamp").GetString()!).ToList();
        Assert.Equal(stamps.Order(StringComparer.Ordinal), stamps);
        Assert.All(history, h => Assert.True(IndependentChecksum.IsValid18(h.GetProperty("Id").GetString())));
        foreach (var changes in history.GroupBy(h => h.GetProperty("OpportunityId").GetString()!))
        {
            var opportunity = opportunities[changes.Key];
            var first = changes.First();
            Assert.Equal(JsonValueKind.Null, first.GetProperty("PrevAmount").ValueKind);
            Assert.Equal(opportunity.GetProperty("CreatedDate").GetString(), first.GetProperty("CreatedDate").GetString());
            Assert.Equal(opportunity.GetProperty("StageName").GetString(), changes.Last().GetProperty("StageName").GetString());
            foreach (var (previous, next) in changes.Zip(changes.Skip(1)))
            {
                Assert.Equal(previous.GetProperty("Amount").GetRawText(), next.GetProperty("PrevAmount").GetRawText());
                Assert.Equal(previous.GetProperty("CloseDate").GetString(), next.GetProperty("PrevCloseDate").GetString());
            }
        }

        Assert.Equal(opportunities.Count, history.Select(h => h.GetProperty("OpportunityId").GetString()).Distinct().Count());
    }

    private static void AssertSameShape(JsonElement reference, JsonElement actual, string path)
    {
        Assert.Equal(LandedPages.Names(reference), LandedPages.Names(actual));
        foreach (var property in reference.EnumerateObject())
        {
            var value = actual.GetProperty(property.Name);
            if (property.Value.ValueKind is JsonValueKind.Null || value.ValueKind is JsonValueKind.Null)
            {
                continue; // nullable fields: Account, Amount, Prev*
            }

            Assert.True(
                Kind(property.Value) == Kind(value),
                $"{path}.{property.Name}: {value.ValueKind}, the reference has {property.Value.ValueKind}");
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                AssertSameShape(property.Value, value, $"{path}.{property.Name}");
            }
        }
    }

    private static JsonValueKind Kind(JsonElement element) => element.ValueKind == JsonValueKind.False ? JsonValueKind.True : element.ValueKind;

    [GeneratedRegex("^/services/data/v66\\.0/query/(?<locator>01g[A-Za-z0-9]{15})-(?<offset>[0-9]+)$")]
    private static partial Regex NextRecordsUrl();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex DateFormat();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}\\+0000$")]
    private static partial Regex TimestampFormat();

    /// <summary>Java's Double.toString: digits, a point, at least one decimal; an exponent from 10^7.</summary>
    [GeneratedRegex("^-?[0-9]+\\.[0-9]+(E-?[0-9]+)?$")]
    private static partial Regex JavaDouble();

    [GeneratedRegex("[^\\x00-\\x7F]")]
    private static partial Regex NonAscii();
}
