namespace C2C.Analytics.Pipeline.Tracker;

/// <summary>Titles of the tracker's key columns, as configured under <c>Tracker:Columns</c>. Columns are found by title.</summary>
public sealed class TrackerColumns
{
    public string OpportunityId { get; set; } = "Opportunity ID";

    public string EngagementName { get; set; } = "Engagement";

    public string Account { get; set; } = "Account";

    public string Region { get; set; } = "Region";

    public string ContractValue { get; set; } = "Contract Value";

    public string Currency { get; set; } = "Currency";

    public string IntakeDate { get; set; } = "Intake Date";

    /// <summary>Payment terms, e.g. "Net 30": the invoice is due that many calendar days after it is sent.</summary>
    public string PaymentTerms { get; set; } = "Payment Terms";

    /// <summary>Owner contact columns by role. A CONTACT_LIST cell gives the e-mail as value and the name as display value.</summary>
    public Dictionary<string, string> Owners { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Sales"] = "Sales Owner",
        ["Delivery"] = "Delivery Owner",
        ["Finance"] = "Finance Owner",
    };
}
