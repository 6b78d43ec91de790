using System.Text;
using System.Text.RegularExpressions;

namespace C2C.Analytics.Pipeline.PowerBi;

/// <summary>
/// The descriptions <c>warehouse/METRICS.md</c> gives: a column described in the "column" table under a heading named
/// after its table (<c>## fct_engagement_stage</c>), and a table described in a row of a "table" or "mart" table. The
/// text is what the document says, with the Markdown marks taken out, so Power BI's tooltips read like the document.
/// </summary>
public sealed partial class MetricsDocument
{
    private readonly Dictionary<(string Table, string Column), string> _columns = [];
    private readonly Dictionary<string, string> _tables = new(StringComparer.Ordinal);

    private MetricsDocument()
    {
    }

    public static MetricsDocument Empty { get; } = new();

    public static MetricsDocument Load(string path) => Parse(File.ReadAllText(path));

    public static MetricsDocument Parse(string markdown)
    {
        var document = new MetricsDocument();
        string? section = null;
        List<string>? header = null;
        foreach (var rawLine in markdown.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                var title = Plain(line[3..]).Trim();
                section = Identifier().IsMatch(title) ? title : null;
                header = null;
                continue;
            }

            if (!line.StartsWith('|'))
            {
                header = null;
                continue;
            }

            var cells = Cells(line);
            if (header is null)
            {
                header = cells.Select(c => Plain(c).Trim().ToLowerInvariant()).ToList();
                continue;
            }

            if (cells.All(c => c.Trim().Trim('-', ':').Length == 0))
            {
                continue; // the |---|---| line under the header
            }

            document.AddRow(section, header, cells);
        }

        return document;
    }

    public string? ColumnDescription(string table, string column) => _columns.GetValueOrDefault((table, column));

    public string? TableDescription(string table) => _tables.GetValueOrDefault(table);

    private void AddRow(string? section, List<string> header, List<string> cells)
    {
        var names = CodeSpan().Matches(cells[0]).Select(m => m.Groups[1].Value).Where(n => Identifier().IsMatch(n)).ToList();
        if (names.Count == 0)
        {
            return;
        }

        if (header[0] == "column" && section is not null && cells.Count >= 2)
        {
            var text = Plain(cells[1]).Trim();
            if (cells.Count >= 3 && Plain(cells[2]).Trim() is { Length: > 0 } edgeCases)
            {
                text = text.TrimEnd('.') + ". Edge cases: " + edgeCases;
            }

            foreach (var name in names)
            {
                _columns.TryAdd((section, name), text);
            }
        }
        else if (header[0] is "table" or "mart")
        {
            // Every cell but the name and the file the model lives in.
            var text = string.Join(". ", cells.Skip(1).Select((c, i) => (Cell: Plain(c).Trim(), Header: header.ElementAtOrDefault(i + 1)))
                .Where(c => c.Header != "model" && c.Cell.Length > 0)
                .Select(c => c.Cell));
            foreach (var name in names)
            {
                _tables.TryAdd(name, text);
            }
        }
    }

    /// <summary>The cells of a Markdown table row; <c>\|</c> is a pipe inside a cell.</summary>
    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] == '|')
            {
                cell.Append('|');
                i++;
            }
            else if (line[i] == '|')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(line[i]);
            }
        }

        if (cell.ToString().Trim().Length > 0)
        {
            cells.Add(cell.ToString());
        }

        return cells;
    }

    /// <summary>Markdown without its marks: code spans, bold and links keep their text.</summary>
    private static string Plain(string markdown)
    {
        var text = Link().Replace(markdown, "$1").Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);
        return Whitespace().Replace(text, " ");
    }

    [GeneratedRegex(@"^[a-z][a-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
