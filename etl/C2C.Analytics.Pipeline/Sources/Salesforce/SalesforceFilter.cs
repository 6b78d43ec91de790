namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>
/// One condition on the opportunities read: <see cref="Field"/> (a field path, checked against the identifier
/// allow-list) IN <see cref="Values"/> (escaped SOQL string literals), e.g. <c>RecordType.DeveloperName IN ('Services')</c>.
/// </summary>
public sealed class SalesforceFilter
{
    public string Field { get; set; } = "";

    public List<string> Values { get; set; } = [];
}
