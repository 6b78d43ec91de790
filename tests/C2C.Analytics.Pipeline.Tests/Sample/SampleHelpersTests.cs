using C2C.Analytics.Pipeline.Ids;
using C2C.Analytics.Pipeline.Sample;
using C2C.Analytics.Pipeline.Tests.Sample.Support;

namespace C2C.Analytics.Pipeline.Tests.Sample;

public class SampleHelpersTests
{
    [Theory]
    [InlineData("001A0000006Vm9r", "IAC")] // published pairs
    [InlineData("003E0000007hWKJ", "IA2")]
    [InlineData("006RO00000AbCdE", "YAV")] // ../shared/reference/salesforce/query_opportunity_page1.json
    [InlineData("006RO00000AbCdG", "YAV")] // query_opportunity_page2_last.json
    public void The_independent_checksum_agrees_with_known_pairs(string id15, string suffix)
    {
        Assert.Equal(suffix, IndependentChecksum.Of(id15));
        Assert.True(IndependentChecksum.IsValid18(id15 + suffix));
    }

    [Fact]
    public void Generated_ids_are_18_characters_with_a_valid_checksum_increasing_and_unique()
    {
        var generator = new SalesforceIdGenerator("006", new SampleRandom(42, 9));
        var ids = Enumerable.Range(0, 20_000).Select(_ => generator.Next()).ToList();

        Assert.All(ids, id => Assert.True(IndependentChecksum.IsValid18(id), id));
        Assert.All(ids, id => Assert.StartsWith("006Kx0", id, StringComparison.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains(ids, id => id[15..] != "AAA"); // mixed case in the record number drives the checksum
        Assert.All(ids, id => Assert.Equal(id, SalesforceId.Normalize(id[..15])));
    }

    [Theory]
    [InlineData("125000", "125000.0")]
    [InlineData("48000.5", "48000.5")]
    [InlineData("48000.50", "48000.5")]
    [InlineData("100", "100.0")]
    [InlineData("0", "0.0")]
    [InlineData("0.5", "0.5")]
    [InlineData("9999999.99", "9999999.99")]
    [InlineData("10000000", "1.0E7")]
    [InlineData("12500000", "1.25E7")]
    [InlineData("12345678.9", "1.23456789E7")]
    [InlineData("-675000", "-675000.0")]
    public void Salesforce_numbers_are_written_as_java_prints_a_double(string value, string expected) =>
        Assert.Equal(expected, SampleJson.JavaDouble(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("125000", "USD", "$125,000.00")]
    [InlineData("48000.5", "EUR", "€48,000.50")]
    [InlineData("999", "GBP", "£999.00")]
    public void Tracker_money_is_displayed_with_symbol_separators_and_cents(string value, string currency, string expected) =>
        Assert.Equal(expected, SampleJson.DisplayMoney(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), currency));

    [Fact]
    public void Options_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new SampleGenerator(new SampleOptions { Engagements = 0 }));
        Assert.Throws<ArgumentException>(() => new SampleGenerator(new SampleOptions { SalesforcePageSize = 2001 }));
        Assert.Throws<ArgumentException>(() => new SampleGenerator(new SampleOptions { SheetPageSize = 0 }));
    }

    [Fact]
    public void A_tiny_sample_still_lands_every_entity_with_empty_sheets_as_one_page()
    {
        using var sample = new SampleFolder(engagements: 1);

        Assert.Equal(3, sample.Result.Manifests.Count);
        Assert.Equal(1, sample.Result.Engagements);
        Assert.Equal(3, sample.Result.Sheets.Count);
        Assert.All(sample.Result.Sheets, s => Assert.Equal(1, s.Pages));
        Assert.Equal(1, sample.Result.TrackerRows);
    }
}
