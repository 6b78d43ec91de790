using System.Globalization;

namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>
/// The org's daily API requests as the <c>Sforce-Limit-Info</c> header reports them on every REST response:
/// <c>api-usage=10018/100000</c>, possibly with more parts after semicolons (<c>api-bursts=1/750</c>,
/// <c>per-app-api-usage=17/250(appName=…)</c>), which are not the daily budget.
/// </summary>
internal readonly record struct ApiUsage(long Used, long Max)
{
    public const string Header = "Sforce-Limit-Info";

    public double Share => Max > 0 ? (double)Used / Max : 0;

    public static ApiUsage? Parse(string? header)
    {
        if (header is null)
        {
            return null;
        }

        foreach (var part in header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!part.StartsWith("api-usage=", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var numbers = part["api-usage=".Length..].Split('/');
            if (numbers.Length == 2
                && long.TryParse(numbers[0], NumberStyles.None, CultureInfo.InvariantCulture, out var used)
                && long.TryParse(numbers[1], NumberStyles.None, CultureInfo.InvariantCulture, out var max))
            {
                return new ApiUsage(used, max);
            }
        }

        return null;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Used:N0} of {Max:N0} daily API requests used ({Percent(Share)})");

    /// <summary>A share as a percentage without a space: "80%".</summary>
    public static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.#}%");
}
