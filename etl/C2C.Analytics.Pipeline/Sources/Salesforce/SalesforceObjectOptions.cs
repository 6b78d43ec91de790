namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>
/// The fields read from one object. Lists bound from configuration are added to, never merged with defaults, so an
/// empty list means "the defaults": <see cref="Fields"/> the object's standard fields, <see cref="OptionalFields"/> its
/// default optional ones (Opportunity: <c>CurrencyIsoCode</c>, which only multi-currency orgs have).
/// </summary>
public sealed class SalesforceObjectOptions
{
    /// <summary>Replaces the standard field list when set. Id, SystemModstamp and IsDeleted are always read.</summary>
    public List<string> Fields { get; set; } = [];

    /// <summary>More fields to read, e.g. <c>Engagement_Type__c</c> or <c>Partner__r.Name</c>; a missing one fails the run.</summary>
    public List<string> CustomFields { get; set; } = [];

    /// <summary>Fields read when the org has them and left out (with a progress line) when Salesforce says it does not.</summary>
    public List<string> OptionalFields { get; set; } = [];

    /// <summary>Conditions every record read must meet (Opportunity only; the history follows its opportunities).</summary>
    public List<SalesforceFilter> Filters { get; set; } = [];
}
