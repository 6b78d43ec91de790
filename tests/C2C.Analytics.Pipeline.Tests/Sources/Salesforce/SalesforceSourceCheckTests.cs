using C2C.Analytics.Pipeline.Sources.Salesforce;
using C2C.Analytics.Pipeline.Tests.Sources.Salesforce.Support;

namespace C2C.Analytics.Pipeline.Tests.Sources.Salesforce;

/// <summary><c>c2c sources test</c>: sign-in and every configured field checked against the org, one line per problem.</summary>
public sealed class SalesforceSourceCheckTests
{
    [Fact]
    public async Task A_working_configuration_has_no_problems_and_says_what_it_checked()
    {
        await using var server = new FakeSalesforce();

        var check = await SalesforceSourceCheck.RunAsync(SalesforceTestOptions.For(server));

        Assert.Empty(check.Problems);
        // Opportunity: 17 standard fields, CurrencyIsoCode (optional) and IsDeleted; the history: 13 and IsDeleted.
        Assert.Contains("Salesforce Opportunity: 19 of 19 configured field(s) present", check.Notes);
        Assert.Contains("Salesforce OpportunityHistory: 14 of 14 configured field(s) present", check.Notes);
        Assert.All(server.Queries, q => Assert.EndsWith(" LIMIT 1", q, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_missing_field_is_one_problem_naming_it_and_an_optional_one_only_a_note()
    {
        await using var server = new FakeSalesforce();
        server.MissingFields.UnionWith(["Engagement_Type__c", "Partner__r", "CurrencyIsoCode"]);
        var options = SalesforceTestOptions.For(server);
        options.Opportunity.CustomFields.AddRange(["Engagement_Type__c", "Partner__r.Name"]);

        var check = await SalesforceSourceCheck.RunAsync(options);

        Assert.Equal(2, check.Problems.Count);
        Assert.StartsWith("Salesforce:Opportunity: the org has no field 'Engagement_Type__c' on Opportunity: ", check.Problems[0], StringComparison.Ordinal);
        Assert.Contains("No such column 'Engagement_Type__c' on entity 'Opportunity'", check.Problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Salesforce:Opportunity: the org has no field 'Partner__r.Name' on Opportunity: ", check.Problems[1], StringComparison.Ordinal);
        Assert.Contains("Salesforce Opportunity: optional field CurrencyIsoCode is not in this org; runs leave it out", check.Notes);
        Assert.Contains("Salesforce Opportunity: 18 of 21 configured field(s) present", check.Notes);
    }

    [Fact]
    public async Task A_refused_sign_in_is_one_problem_and_nothing_else_is_asked()
    {
        await using var server = new FakeSalesforce { TokenError = ("invalid_client_id", "client identifier invalid") };

        var check = await SalesforceSourceCheck.RunAsync(SalesforceTestOptions.For(server));

        var problem = Assert.Single(check.Problems);
        Assert.Contains("HTTP 400 invalid_client_id: client identifier invalid", problem, StringComparison.Ordinal);
        Assert.Contains("C2C__Salesforce__ClientId", problem, StringComparison.Ordinal);
        Assert.False(check.IsConfigurationProblem);
        Assert.Empty(server.Queries);
    }

    [Fact]
    public async Task An_incomplete_configuration_is_a_configuration_problem_before_anything_is_sent()
    {
        var check = await SalesforceSourceCheck.RunAsync(new SalesforceOptions { ClientId = "x", AuthFlow = SalesforceAuthFlow.RefreshToken });

        Assert.True(check.IsConfigurationProblem);
        Assert.Contains(check.Problems, p => p.StartsWith("Salesforce:RefreshToken is not set", StringComparison.Ordinal));
    }
}
