using C2C.Analytics.SqlServer.Target;

namespace C2C.Analytics.SqlServer.Tests.Target;

public sealed class SqlServerConnectionStringTests
{
    private const string Password = "N0t-In-Any-Message!";

    [Fact]
    public void Encryption_with_certificate_validation_is_the_default()
    {
        var builder = SqlServerConnectionString.Build($"Server=sql.example.test;Database=bi;User ID=c2c;Password={Password}");

        Assert.True(builder.Encrypt);
        Assert.False(builder.TrustServerCertificate);
        Assert.Equal("c2c publish", builder.ApplicationName);
        Assert.False(builder.Pooling);
        Assert.Null(SqlServerConnectionString.SecurityWarning(builder));
        Assert.Equal("server sql.example.test, database bi", SqlServerConnectionString.Describe(builder));
    }

    [Fact]
    public void An_explicit_choice_is_kept_and_warned_about()
    {
        var clear = SqlServerConnectionString.Build("Server=s;Database=d;Encrypt=False;Application Name=nightly");
        var trusting = SqlServerConnectionString.Build("Server=s;Database=d;TrustServerCertificate=True");

        Assert.False(clear.Encrypt);
        Assert.Equal("nightly", clear.ApplicationName);
        Assert.Contains("not encrypted", SqlServerConnectionString.SecurityWarning(clear), StringComparison.Ordinal);
        Assert.True(trusting.Encrypt);
        Assert.Contains("certificate is not validated", SqlServerConnectionString.SecurityWarning(trusting), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void A_missing_connection_string_says_where_to_put_one(string? configured)
    {
        var error = Assert.Throws<PublishConfigurationException>(() => SqlServerConnectionString.Build(configured));

        Assert.Contains("C2C__Publish__SqlServer__ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_string_that_cannot_be_read_is_refused_without_repeating_it()
    {
        var error = Assert.Throws<PublishConfigurationException>(() => SqlServerConnectionString.Build($"Server=s;Password={Password};Bogus Keyword=1"));

        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Bogus", error.Message, StringComparison.Ordinal);
    }
}
