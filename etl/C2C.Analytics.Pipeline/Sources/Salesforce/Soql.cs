using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>
/// The only ways text gets into a SOQL statement: names checked against an allow-list (API names: a letter, then
/// letters, digits and underscores; a field path joins up to five of them with dots, as in <c>Owner.Email</c> or
/// <c>Partner__r.Name</c>), string literals quoted with every special character escaped, datetimes written by the
/// client itself.
/// </summary>
internal static partial class Soql
{
    /// <summary>An object's or field's API name, or a relationship path of up to five of them.</summary>
    public static bool IsFieldPath(string? text) => text is not null && FieldPathPattern().IsMatch(text);

    /// <summary>An object's API name (no dots).</summary>
    public static bool IsName(string? text) => text is not null && NamePattern().IsMatch(text);

    /// <exception cref="ArgumentException">Not on the allow-list.</exception>
    public static string FieldPath(string text) =>
        IsFieldPath(text) ? text : throw new ArgumentException($"'{text}' is not a Salesforce field name or path.", nameof(text));

    /// <summary>A SOQL string literal: quoted, with quotes, backslashes and control characters escaped.</summary>
    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\'' => "\\'",
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                _ when char.IsControl(c) => throw new ArgumentException("A SOQL literal cannot hold a control character.", nameof(value)),
                _ => c.ToString(),
            });
        }

        return text.Append('\'').ToString();
    }

    /// <summary>A SOQL datetime literal (unquoted, UTC), to the second: <c>2025-06-01T12:00:00Z</c>.</summary>
    public static string Literal(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]{0,79}(\.[A-Za-z][A-Za-z0-9_]{0,79}){0,4}$")]
    private static partial Regex FieldPathPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]{0,79}$")]
    private static partial Regex NamePattern();
}
