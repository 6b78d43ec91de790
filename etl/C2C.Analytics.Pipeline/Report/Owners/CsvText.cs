namespace C2C.Analytics.Pipeline.Report.Owners;

/// <summary>
/// One CSV field (RFC 4180: quoted when it holds a comma, quote or line break). A text value from a source that starts
/// with = + - @ or a tab is prefixed with an apostrophe, so a spreadsheet opening the file never runs it as a formula.
/// </summary>
public static class CsvText
{
    public static string Field(string? value, bool sourceText = true)
    {
        var text = value ?? "";
        if (sourceText && text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    public static string Line(IEnumerable<string> fields) => string.Join(',', fields) + "\r\n";
}
