using C2C.Analytics.Pipeline.Ids;

namespace C2C.Analytics.Pipeline.Tests.Ids;

public class SalesforceIdTests
{
    [Theory]
    [InlineData("001A0000006Vm9r", "001A0000006Vm9rIAC")] // published pair
    [InlineData("003E0000007hWKJ", "003E0000007hWKJIA2")] // published pair
    [InlineData("001A0000006Vm9rIAC", "001A0000006Vm9rIAC")]
    [InlineData("001A0000006Vm9riac", "001A0000006Vm9rIAC")] // checksum compared case-insensitively, written upper case
    [InlineData("  003E0000007hWKJ\t", "003E0000007hWKJIA2")]
    [InlineData("\u00a0003E0000007hWKJ\ufeff", "003E0000007hWKJIA2")]
    [InlineData("000000000000000", "000000000000000AAA")]
    [InlineData("ABCDEABCDEABCDE", "ABCDEABCDEABCDE555")]
    [InlineData("aBcDeaBcDeaBcDe", "aBcDeaBcDeaBcDeKKK")] // bits 1 and 3 in each chunk: 10 → K
    public void A_15_or_18_character_id_normalises_to_18_characters(string input, string expected)
    {
        Assert.True(SalesforceId.TryNormalize(input, out var id18));
        Assert.Equal(expected, id18);
        Assert.Equal(expected, SalesforceId.Normalize(input));
        Assert.True(SalesforceId.IsValid(input));
    }

    [Theory]
    [InlineData("001A0000006Vm9rIAD")] // the checksum of another ID
    [InlineData("001a0000006vm9rIAC")] // re-cased after the checksum was computed
    [InlineData("001A0000006Vm9")]
    [InlineData("001A0000006Vm9rI")]
    [InlineData("001A0000006Vm9rIA")]
    [InlineData("001A0000006Vm9rIAC1")]
    [InlineData("001A0000006Vm9-")]
    [InlineData("001A0000006Vm9é")]
    [InlineData("001A0000006 Vm9r")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Anything_else_is_not_a_salesforce_id(string? input)
    {
        Assert.False(SalesforceId.TryNormalize(input, out var id18));
        Assert.Null(id18);
        Assert.Null(SalesforceId.Normalize(input));
        Assert.False(SalesforceId.IsValid(input));
    }

    [Fact]
    public void The_checksum_of_a_15_character_id_is_its_18_character_suffix()
    {
        Assert.Equal("IAC", SalesforceId.Checksum("001A0000006Vm9r"));
        Assert.Throws<ArgumentException>(() => SalesforceId.Checksum("001A0000006Vm9"));
        Assert.Throws<ArgumentException>(() => SalesforceId.Checksum("001A0000006Vm9-"));
    }

    [Fact]
    public void An_18_character_id_is_case_insensitively_unique_where_the_15_character_form_is_not()
    {
        // Two records whose 15-character IDs differ only in case get different 18-character IDs, which no longer
        // differ only in case: that is what the checksum is for.
        var upper = SalesforceId.Normalize("001A0000006VM9R")!;
        var lower = SalesforceId.Normalize("001A0000006Vm9r")!;

        Assert.NotEqual(upper.ToUpperInvariant(), lower.ToUpperInvariant());
    }
}
