using System.Text.RegularExpressions;

namespace C2C.Analytics.Warehouse.Models;

/// <summary>
/// Reads a model's header comments:
/// <code>
/// -- Grain: one engagement per row.            (free text: the first "--" lines form the description)
/// -- depends: stg_smartsheet__tracker_rows, dim_stage
/// -- materialized: table | view | script
/// </code>
/// </summary>
internal static partial class ModelHeaderParser
{
    public static (IReadOnlyList<string> Depends, Materialization Materialization, string? Description) Parse(string path, string sql)
    {
        var depends = new List<string>();
        var materialization = Materialization.Table;
        var description = new List<string>();
        foreach (var rawLine in sql.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (!line.StartsWith("--", StringComparison.Ordinal))
            {
                break; // the header ends at the first line of SQL
            }

            var text = line[2..].Trim();
            var directive = Directive().Match(text);
            if (!directive.Success)
            {
                description.Add(text);
                continue;
            }

            var value = directive.Groups["value"].Value.Trim();
            switch (directive.Groups["key"].Value.ToLowerInvariant())
            {
                case "depends":
                    depends.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "materialized":
                    materialization = value.ToLowerInvariant() switch
                    {
                        "table" => Materialization.Table,
                        "view" => Materialization.View,
                        "script" => Materialization.Script,
                        _ => throw new ModelCatalogException($"{path}: unknown materialization '{value}' (expected table, view or script)."),
                    };
                    break;
            }
        }

        var joined = string.Join(' ', description).Trim();
        return (depends, materialization, joined.Length == 0 ? null : joined);
    }

    [GeneratedRegex(@"^(?<key>depends|materialized)\s*:(?<value>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Directive();
}
