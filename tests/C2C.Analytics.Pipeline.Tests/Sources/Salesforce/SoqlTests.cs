using C2C.Analytics.Pipeline.Sources.Salesforce;

namespace C2C.Analytics.Pipeline.Tests.Sources.Salesforce;

/// <summary>Names reach SOQL only through the allow-list; values only as escaped literals.</summary>
public sealed class SoqlTests
{
    [Theory]
    [InlineData("Id")]
    [InlineData("Owner.Email")]
    [InlineData("Engagement_Type__c")]
    [InlineData("Partner__r.Owner.Manager.Name")]
    [InlineData("ns__Field__c")]
    public void API_names_and_relationship_paths_are_allowed(string field) => Assert.True(Soql.IsFieldPath(field));

    [Theory]
    [InlineData("")]
    [InlineData("Id, Name")]
    [InlineData("Name FROM User --")]
    [InlineData("Id) FROM Opportunity WHERE (Id")]
    [InlineData("Account..Name")]
    [InlineData(".Name")]
    [InlineData("1Field")]
    [InlineData("Name'")]
    [InlineData("A.B.C.D.E.F")]
    [InlineData("Nämе")]
    public void Anything_else_is_refused(string field)
    {
        Assert.False(Soql.IsFieldPath(field));
        Assert.Throws<ArgumentException>(() => Soql.FieldPath(field));
    }

    [Theory]
    [InlineData("Services", "'Services'")]
    [InlineData("O'Brien", @"'O\'Brien'")]
    [InlineData("a\\b", @"'a\\b'")]
    [InlineData("say \"hi\"", "'say \\\"hi\\\"'")]
    [InlineData("x' OR Name != '", @"'x\' OR Name != \''")]
    [InlineData("line\nbreak\ttab", @"'line\nbreak\ttab'")]
    public void String_literals_are_quoted_with_every_special_character_escaped(string value, string literal) =>
        Assert.Equal(literal, Soql.Literal(value));

    [Fact]
    public void Datetime_literals_are_UTC_to_the_second_and_unquoted() =>
        Assert.Equal("2025-06-01T10:30:15Z", Soql.Literal(new DateTimeOffset(2025, 6, 1, 12, 30, 15, 999, TimeSpan.FromHours(2))));

    [Fact]
    public void A_configured_field_list_off_the_allow_list_is_a_configuration_problem_naming_it()
    {
        var options = new SalesforceOptions { ClientId = "x", ClientSecret = "y", AuthFlow = SalesforceAuthFlow.ClientCredentials };
        options.Opportunity.CustomFields.Add("Name FROM User WHERE Id != null --");
        options.Opportunity.Filters.Add(new SalesforceFilter { Field = "RecordType.DeveloperName", Values = [] });
        options.OpportunityHistory.Filters.Add(new SalesforceFilter { Field = "Id", Values = ["x"] });

        var problems = options.Problems();

        Assert.Contains(problems, p => p.StartsWith("Salesforce:Opportunity:CustomFields holds 'Name FROM User WHERE Id != null --', which is not a field name", StringComparison.Ordinal));
        Assert.Contains("Salesforce:Opportunity:Filters:0:Values is empty: a filter needs at least one value.", problems);
        Assert.Contains(problems, p => p.StartsWith("Salesforce:OpportunityHistory:Filters is not used", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_missing_setting_of_the_chosen_flow_is_listed_with_its_environment_variable()
    {
        var problems = new SalesforceOptions { AuthFlow = SalesforceAuthFlow.Password, LoginUrl = "http://login.example.com" }.Problems();

        Assert.Contains(problems, p => p.StartsWith("Salesforce:LoginUrl 'http://login.example.com' is not an https URL", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("C2C__Salesforce__ClientId", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("C2C__Salesforce__Username", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("C2C__Salesforce__Password", StringComparison.Ordinal));
    }
}
