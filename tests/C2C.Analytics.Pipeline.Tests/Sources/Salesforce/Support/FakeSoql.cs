using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace C2C.Analytics.Pipeline.Tests.Sources.Salesforce.Support;

/// <summary>
/// The SOQL the fake understands, which is what the client sends: <c>SELECT f, … FROM Object [WHERE SystemModstamp &gt;=
/// datetime] [AND path IN ('v', …)]… [ORDER BY SystemModstamp, Id] [LIMIT n]</c>, and <c>SELECT COUNT() …</c>.
/// </summary>
public sealed partial record FakeSoql(IReadOnlyList<string> Fields, string Object, DateTimeOffset? Since, IReadOnlyList<(string Path, IReadOnlyList<string> Values)> Filters, bool Ordered, bool IsCount, int? Limit)
{
    public static FakeSoql Parse(string soql)
    {
        var match = Statement().Match(soql);
        if (!match.Success)
        {
            throw new FormatException($"The fake does not understand this SOQL: {soql}");
        }

        DateTimeOffset? since = null;
        var filters = new List<(string, IReadOnlyList<string>)>();
        if (match.Groups["where"].Success)
        {
            foreach (var condition in match.Groups["where"].Value.Split(" AND "))
            {
                if (Modstamp().Match(condition) is { Success: true } m)
                {
                    since = DateTimeOffset.Parse(m.Groups["at"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                }
                else if (In().Match(condition) is { Success: true } f)
                {
                    filters.Add((f.Groups["path"].Value, Literals(f.Groups["values"].Value)));
                }
                else
                {
                    throw new FormatException($"The fake does not understand this condition: {condition}");
                }
            }
        }

        var fields = match.Groups["fields"].Value.Split(',', StringSplitOptions.TrimEntries);
        var isCount = fields is ["COUNT()"];
        int? limit = match.Groups["limit"].Success ? int.Parse(match.Groups["limit"].Value, CultureInfo.InvariantCulture) : null;
        return new FakeSoql(isCount ? [] : fields, match.Groups["object"].Value, since, filters, match.Groups["order"].Success, isCount, limit);
    }

    /// <summary>Single-quoted literals with backslash escapes, separated by commas.</summary>
    private static List<string> Literals(string text)
    {
        var values = new List<string>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\'')
            {
                continue;
            }

            var value = new StringBuilder();
            for (i++; text[i] != '\''; i++)
            {
                if (text[i] == '\\')
                {
                    i++;
                    value.Append(text[i] switch { 'n' => '\n', 'r' => '\r', 't' => '\t', 'b' => '\b', 'f' => '\f', var c => c });
                }
                else
                {
                    value.Append(text[i]);
                }
            }

            values.Add(value.ToString());
        }

        return values;
    }

    [GeneratedRegex(@"^SELECT (?<fields>.+?) FROM (?<object>\w+)(?: WHERE (?<where>.+?))?(?<order> ORDER BY SystemModstamp, Id)?(?: LIMIT (?<limit>\d+))?$")]
    private static partial Regex Statement();

    [GeneratedRegex(@"^SystemModstamp >= (?<at>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)$")]
    private static partial Regex Modstamp();

    [GeneratedRegex(@"^(?<path>[\w.]+) IN \((?<values>.*)\)$")]
    private static partial Regex In();
}
