using System.Text.RegularExpressions;

namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>Reading Salesforce's INVALID_FIELD errors: which field it says the object does not have.</summary>
internal static partial class FieldErrors
{
    /// <summary>The field (or relationship) Salesforce names as missing, or null for any other failure.</summary>
    public static string? MissingField(SalesforceApiException e)
    {
        if (e.ErrorCode != "INVALID_FIELD")
        {
            return null;
        }

        var match = NoSuchColumn().Match(e.Message);
        return match.Success ? match.Groups["field"].Value : null;
    }

    /// <summary>The configured field <paramref name="missing"/> stands for: itself, or a path through the relationship it names.</summary>
    public static string? Configured(IEnumerable<string> fields, string missing) =>
        fields.FirstOrDefault(f => string.Equals(f, missing, StringComparison.OrdinalIgnoreCase)
            || string.Equals(f.Split('.')[0], missing, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"(No such column|Didn't understand relationship) '(?<field>[A-Za-z0-9_]+)'")]
    private static partial Regex NoSuchColumn();
}
