using System.Text.RegularExpressions;

namespace C2C.Analytics.SqlServer;

/// <summary>
/// Quoting of the identifiers the publisher writes into SQL. Every table and column name comes from the warehouse's
/// catalog (the allow-list) and is quoted; schema names come from configuration and must be plain identifiers.
/// Values never go through here: they are parameters.
/// </summary>
public static partial class Identifiers
{
    /// <summary>SQL Server's limit on an identifier's length (sysname).</summary>
    public const int MaxLength = 128;

    /// <summary>A SQL Server delimited identifier: <c>[name]</c>, with <c>]</c> doubled.</summary>
    public static string SqlServer(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Length > MaxLength)
        {
            throw new ArgumentException($"'{name[..40]}…' is longer than the {MaxLength} characters SQL Server allows in a name.", nameof(name));
        }

        if (name.Any(char.IsControl))
        {
            throw new ArgumentException($"The name '{name.ReplaceLineEndings(" ")}' holds a control character.", nameof(name));
        }

        return "[" + name.Replace("]", "]]", StringComparison.Ordinal) + "]";
    }

    /// <summary>A schema-qualified SQL Server name, <c>[schema].[name]</c>.</summary>
    public static string SqlServer(string schema, string name) => SqlServer(schema) + "." + SqlServer(name);

    /// <summary>A DuckDB quoted identifier: <c>"name"</c>, with <c>"</c> doubled.</summary>
    public static string DuckDb(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>True for a name fit to be a schema from configuration: a letter or underscore, then letters, digits, underscores.</summary>
    public static bool IsPlainSchemaName(string? name) => name is { Length: > 0 and <= MaxLength } && PlainName().IsMatch(name);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();
}
