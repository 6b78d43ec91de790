using System.Text.RegularExpressions;

namespace C2C.Analytics.Warehouse.Models;

/// <summary>What a model's header says.</summary>
internal sealed record ModelHeader(
    IReadOnlyList<string> Depends,
    Materialization Materialization,
    string? Description,
    string? ReplaceWhere,
    HistorySettings? History,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyDictionary<string, int> MaxLengths);

/// <summary>
/// Reads a model's header comments:
/// <code>
/// -- Grain: one engagement per row.            (free text: the first "--" lines form the description)
/// -- depends: stg_smartsheet__tracker_rows, dim_stage
/// -- materialized: table | view | script | incremental | history
/// -- replace_where: snapshot_date = (SELECT as_of FROM cfg_run)      (incremental)
/// -- unique_key: / version_key: / as_of: / tracked: / retain_when:    (history, see HistorySettings)
/// -- primary key: deal_id, valid_from           (the table's key, for serving targets that index it)
/// -- max length: deal_id 18, currency 3         (declared text lengths, in characters; undeclared text is unbounded)
/// </code>
/// A line whose text after "--" starts with two or more spaces, right after a directive, continues that directive
/// (a predicate too long for one line). depends and tracked may repeat: their lists add up.
/// </summary>
internal static partial class ModelHeaderParser
{
    private static readonly string[] HistoryKeys = ["unique_key", "version_key", "as_of", "tracked", "retain_when"];

    public static ModelHeader Parse(string path, string sql)
    {
        var description = new List<string>();
        var directives = new List<(string Key, string Value)>();
        var continuing = false;
        foreach (var rawLine in sql.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                continuing = false;
                continue;
            }

            if (!line.StartsWith("--", StringComparison.Ordinal))
            {
                break; // the header ends at the first line of SQL
            }

            var text = line[2..].Trim();
            if (continuing && line[2..].StartsWith("  ", StringComparison.Ordinal))
            {
                var (key, value) = directives[^1];
                directives[^1] = (key, value + " " + text);
                continue;
            }

            var directive = Directive().Match(text);
            continuing = directive.Success;
            if (directive.Success)
            {
                directives.Add((directive.Groups["key"].Value.ToLowerInvariant(), directive.Groups["value"].Value.Trim()));
            }
            else
            {
                description.Add(text);
            }
        }

        var materialization = Materialization.Table;
        foreach (var (_, value) in directives.Where(d => d.Key == "materialized"))
        {
            materialization = value.ToLowerInvariant() switch
            {
                "table" => Materialization.Table,
                "view" => Materialization.View,
                "script" => Materialization.Script,
                "incremental" => Materialization.Incremental,
                "history" => Materialization.History,
                _ => throw new ModelCatalogException($"{path}: unknown materialization '{value}' (expected table, view, script, incremental or history)."),
            };
        }

        var joined = string.Join(' ', description).Trim();
        return new ModelHeader(
            List(directives, "depends"),
            materialization,
            joined.Length == 0 ? null : joined,
            Incremental(path, materialization, directives),
            History(path, materialization, directives),
            List(directives, "primary key"),
            MaxLengths(path, directives));
    }

    private static Dictionary<string, int> MaxLengths(string path, List<(string Key, string Value)> directives)
    {
        var maxLengths = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in List(directives, "max length"))
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

        return maxLengths;
    }

    private static string? Incremental(string path, Materialization materialization, List<(string Key, string Value)> directives)
    {
        var replaceWhere = Single(path, directives, "replace_where");
        if (materialization == Materialization.Incremental && replaceWhere is null)
        {
            throw new ModelCatalogException($"{path}: an incremental model needs a '-- replace_where:' predicate (the rows each run replaces).");
        }

        if (materialization != Materialization.Incremental && replaceWhere is not null)
        {
            throw new ModelCatalogException($"{path}: '-- replace_where:' applies only to '-- materialized: incremental'.");
        }

        return replaceWhere;
    }

    private static HistorySettings? History(string path, Materialization materialization, List<(string Key, string Value)> directives)
    {
        if (materialization != Materialization.History)
        {
            var stray = directives.FirstOrDefault(d => HistoryKeys.Contains(d.Key)).Key;
            return stray is null
                ? null
                : throw new ModelCatalogException($"{path}: '-- {stray}:' applies only to '-- materialized: history'.");
        }

        string Required(string key) => Single(path, directives, key)
            ?? throw new ModelCatalogException($"{path}: a history model needs '-- {key}:' (see the history materialization).");

        var uniqueKey = Identifier(path, "unique_key", Required("unique_key"));
        var versionKey = Identifier(path, "version_key", Required("version_key"));
        var tracked = List(directives, "tracked");
        if (tracked.Count == 0)
        {
            throw new ModelCatalogException($"{path}: a history model needs '-- tracked:' (the columns whose change opens a new version).");
        }

        foreach (var column in tracked)
        {
            Identifier(path, "tracked", column);
        }

        if (versionKey == uniqueKey || HistorySettings.BookkeepingColumns.Contains(versionKey))
        {
            throw new ModelCatalogException($"{path}: version_key '{versionKey}' is the unique key or a column the runner adds.");
        }

        var maintained = tracked.FirstOrDefault(c => c == versionKey || HistorySettings.BookkeepingColumns.Contains(c));
        if (maintained is not null)
        {
            throw new ModelCatalogException($"{path}: '{maintained}' cannot be tracked: the runner maintains it.");
        }

        return new HistorySettings(uniqueKey, versionKey, Required("as_of"), tracked, Single(path, directives, "retain_when"));
    }

    private static List<string> List(List<(string Key, string Value)> directives, string key) =>
        directives.Where(d => d.Key == key)
            .SelectMany(d => d.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();

    private static string? Single(string path, List<(string Key, string Value)> directives, string key)
    {
        var values = directives.Where(d => d.Key == key).Select(d => d.Value).ToList();
        return values.Count switch
        {
            0 => null,
            1 when values[0].Length > 0 => values[0],
            1 => throw new ModelCatalogException($"{path}: '-- {key}:' is empty."),
            _ => throw new ModelCatalogException($"{path}: '-- {key}:' is given {values.Count} times."),
        };
    }

    private static string Identifier(string path, string key, string value) => PlainIdentifier().IsMatch(value)
        ? value
        : throw new ModelCatalogException($"{path}: '-- {key}:' names '{value}', which is not a column name (lower case letters, digits and underscores).");

    [GeneratedRegex(@"^(?<key>depends|materialized|replace_where|unique_key|version_key|as_of|tracked|retain_when|primary key|max length)\s*:(?<value>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Directive();

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex PlainIdentifier();
}
