using System.Text.RegularExpressions;

namespace C2C.Analytics.PowerBi.Tests.Support;

/// <summary>
/// What a DAX expression names: columns (<c>table[column]</c>, <c>'table'[column]</c>), measures (<c>[name]</c>), functions
/// (a name followed by <c>(</c>) and bare names (tables, variables, keywords). String literals and comments are taken
/// out first, so that text inside them names nothing.
/// </summary>
public sealed partial record DaxReferences(
    IReadOnlyList<(string Table, string Column)> Columns,
    IReadOnlyList<string> Measures,
    IReadOnlyList<string> Functions,
    IReadOnlyList<string> BareNames,
    IReadOnlyList<string> Variables)
{
    /// <summary>The DAX functions the model uses; a name outside this list is a typo until someone adds it here.</summary>
    public static readonly HashSet<string> KnownFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "ALL", "AVERAGE", "AVERAGEX", "BLANK", "CALCULATE", "CALCULATETABLE", "COALESCE", "COUNT", "COUNTROWS", "DATE", "DATEDIFF",
        "DATESBETWEEN", "DISTINCTCOUNT", "DIVIDE", "EDATE", "EOMONTH", "FALSE", "FILTER", "HASONEVALUE", "IF", "ISBLANK", "KEEPFILTERS",
        "LOOKUPVALUE", "MAX", "MEDIAN", "MIN", "MONTH", "NOT", "PERCENTILE.INC", "REMOVEFILTERS", "SELECTEDVALUE", "SUM", "SUMX",
        "SWITCH", "TREATAS", "TRUE", "USERELATIONSHIP", "USERPRINCIPALNAME", "VALUES", "YEAR",
    };

    /// <summary>Words DAX reads as operators or constants.</summary>
    public static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "VAR", "RETURN", "IN", "NOT", "AND", "OR", "TRUE", "FALSE", "DAY", "MONTH", "YEAR", "QUARTER", "WEEK", "ASC", "DESC",
    };

    public static DaxReferences Scan(string dax)
    {
        var text = Comment().Replace(StringLiteral().Replace(dax, "\"\""), " ");
        var columns = ColumnReference().Matches(text)
            .Select(m => ((m.Groups["quoted"].Success ? m.Groups["quoted"].Value.Replace("''", "'", StringComparison.Ordinal) : m.Groups["table"].Value),
                m.Groups["column"].Value))
            .ToList();
        text = ColumnReference().Replace(text, " ");
        var measures = MeasureReference().Matches(text).Select(m => m.Groups["name"].Value).ToList();
        text = MeasureReference().Replace(text, " ");
        var variables = Variable().Matches(text).Select(m => m.Groups["name"].Value).ToList();
        var functions = new List<string>();
        var bare = new List<string>();
        foreach (Match name in Name().Matches(text))
        {
            if (name.Groups["call"].Success)
            {
                functions.Add(name.Groups["name"].Value);
            }
            else
            {
                bare.Add(name.Groups["name"].Value);
            }
        }

        return new DaxReferences(columns, measures, functions, bare, variables);
    }

    [GeneratedRegex("\"(?:[^\"]|\"\")*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"(--|//)[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"(?:'(?<quoted>(?:[^']|'')+)'|(?<table>\b[A-Za-z_][A-Za-z0-9_]*))\[(?<column>[^\]]+)\]")]
    private static partial Regex ColumnReference();

    [GeneratedRegex(@"\[(?<name>[^\]]+)\]")]
    private static partial Regex MeasureReference();

    [GeneratedRegex(@"\bVAR\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex Variable();

    [GeneratedRegex(@"(?<![\w.])(?<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)(?<call>\s*\()?")]
    private static partial Regex Name();
}
