namespace C2C.Analytics.SqlServer.Tests;

public sealed class IdentifiersTests
{
    [Theory]
    [InlineData("dim_date", "[dim_date]")]
    [InlineData("a]b", "[a]]b]")]
    [InlineData("x]; DROP TABLE y; --", "[x]]; DROP TABLE y; --]")]
    [InlineData("Opportunity ID", "[Opportunity ID]")]
    [InlineData("[already]", "[[already]]]")]
    public void SqlServer_names_are_bracketed_with_closing_brackets_doubled(string name, string quoted) =>
        Assert.Equal(quoted, Identifiers.SqlServer(name));

    [Fact]
    public void A_schema_qualified_name_quotes_both_parts() =>
        Assert.Equal("[c2c].[we]]ird]", Identifiers.SqlServer("c2c", "we]ird"));

    [Fact]
    public void Names_sql_server_cannot_hold_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Identifiers.SqlServer(new string('a', 129)));
        Assert.Equal(130, Identifiers.SqlServer(new string('a', 128)).Length);
        Assert.Throws<ArgumentException>(() => Identifiers.SqlServer("line\nbreak"));
        Assert.Throws<ArgumentException>(() => Identifiers.SqlServer(""));
    }

    [Theory]
    [InlineData("deal_id", "\"deal_id\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    public void DuckDb_names_are_double_quoted_with_quotes_doubled(string name, string quoted) =>
        Assert.Equal(quoted, Identifiers.DuckDb(name));

    [Theory]
    [InlineData("c2c", true)]
    [InlineData("_bi2", true)]
    [InlineData("2c", false)]
    [InlineData("c2c.x", false)]
    [InlineData("c2c]", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_plain_names_are_accepted_as_configured_schemas(string? name, bool plain) =>
        Assert.Equal(plain, Identifiers.IsPlainSchemaName(name));
}
