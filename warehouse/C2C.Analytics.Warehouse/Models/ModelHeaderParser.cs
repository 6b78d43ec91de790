using System.Text.RegularExpressions;

namespace C2C.Analytics.Warehouse.Models;

/// <summary>
/// Reads a model's header comments:
/// <code>
/// -- Grain: one engagement per row.            (free text: the first "--" lines form the description)
/// -- depends: stg_smartsheet__tracker_rows, dim_stage
/// -- materialized: table | view | script
/// -- primary key: deal_id, valid_from           (the table's key, for serving targets that index it)
/// -- max length: deal_id 18, currency 3         (declared text lengths, in characters; undeclared text is unbounded)
/// </code>
/// </summary>
internal static partial class ModelHeaderParser
{
    public static ModelHeader Parse(string path, string sql)
    {
        var depends = new List<string>();
        var primaryKey = new List<string>();
        var maxLengths = new Dictionary<string, int>(StringComparer.Ordinal);
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
                case "primary key":
                    primaryKey.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "max length":
                    ParseMaxLengths(path, value, maxLengths);
                    break;
            }
        }

        var joined = string.Join(' ', description).Trim();
        return new ModelHeader(depends, materialization, joined.Length == 0 ? null : joined, primaryKey, maxLengths);
    }

    private static void ParseMaxLengths(string path, string value, Dictionary<string, int> maxLengths)
    {
        foreach (var entry in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length) || length < 1)
            {
                throw new ModelCatalogException($"{path}: 'max length: {entry}' must be a column name and a whole number of characters above zero, e.g. 'deal_id 18'.");
            }

            if (!maxLengths.TryAdd(parts[0], length))
            {
                throw new ModelCatalogException($"{path}: the max length of '{parts[0]}' is declared twice.");
            }
        }
    }

    [GeneratedRegex(@"^(?<key>depends|materialized|primary key|max length)\s*:(?<value>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Directive();
}

/// <summary>What a model's header declares.</summary>
internal sealed record ModelHeader(
    IReadOnlyList<string> Depends,
    Materialization Materialization,
    string? Description,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyDictionary<string, int> MaxLengths);
