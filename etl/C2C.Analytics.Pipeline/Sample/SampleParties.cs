namespace C2C.Analytics.Pipeline.Sample;

/// <summary>A Salesforce user who also owns tracker stages: name, e-mail (for row-level security) and User ID.</summary>
internal sealed record SamplePerson(string Name, string Email, string UserId);

/// <summary>A customer account: Salesforce Account ID and name, its region (index into the regions) and payment terms.</summary>
internal sealed record SampleAccount(string Id, string Name, int Region, int PaymentTermsDays, string Currency);
