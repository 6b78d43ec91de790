using System.Text;
using System.Text.RegularExpressions;

namespace C2C.Analytics.PowerBi.Tests.Tmdl;

/// <summary>
/// A structural reader of TMDL, written to the language's documented rules (TOM's own parser does not restore here):
/// one tab per level and nothing but tabs before an object or a property; a child one level below its parent; a
/// multi-line expression two levels below the line that opens it (<c>measure x =</c>, <c>source =</c>), or fenced by
/// triple back-ticks; <c>///</c> descriptions directly above an object; no <c>//</c> comments outside expressions;
/// names quoted when they hold <c>. = : '</c> or white space, a quote inside doubled. Every breach is an error with its
/// file and line; the tree is built anyway, so one run reports them all.
/// </summary>
public sealed partial class TmdlDocument
{
    private static readonly HashSet<string> ObjectKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "database", "model", "table", "column", "measure", "partition", "hierarchy", "level", "relationship", "role",
        "tablePermission", "columnPermission", "member", "expression", "annotation", "extendedProperty", "ref", "culture",
        "linguisticMetadata", "perspective", "perspectiveTable", "perspectiveColumn", "perspectiveMeasure", "queryGroup",
        "dataSource", "calculationGroup", "calculationItem", "kpi", "variation", "function", "calendar",
    };

    private readonly List<string> _errors = [];
    private readonly List<TmdlNode> _roots = [];

    private TmdlDocument()
    {
    }

    public IReadOnlyList<TmdlNode> Roots => _roots;

    public IReadOnlyList<string> Errors => _errors;

    public static TmdlDocument Parse(string file, string text)
    {
        var document = new TmdlDocument();
        document.Read(file, text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'));
        return document;
    }

    private void Read(string file, string[] lines)
    {
        var stack = new Stack<TmdlNode>();
        var description = new List<string>();
        var descriptionLine = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i];
            var lineNumber = i + 1;
            if (raw.Trim().Length == 0)
            {
                if (description.Count > 0)
                {
                    Error(file, descriptionLine, "a /// description must be directly above its object (a blank line follows it)");
                    description.Clear();
                }

                continue;
            }

            var tabs = raw.Length - raw.TrimStart('\t').Length;
            var text = raw[tabs..];
            if (text.Length > 0 && char.IsWhiteSpace(text[0]))
            {
                Error(file, lineNumber, "indentation must be tabs only (one tab per level)");
                text = text.TrimStart();
            }

            text = text.TrimEnd();
            if (text.StartsWith("///", StringComparison.Ordinal))
            {
                if (description.Count == 0)
                {
                    descriptionLine = lineNumber;
                }

                description.Add(text[3..].Trim());
                continue;
            }

            if (text.StartsWith("//", StringComparison.Ordinal))
            {
                Error(file, lineNumber, "// comments are not TMDL outside an expression");
                continue;
            }

            while (stack.Count > 0 && stack.Peek().Level >= tabs)
            {
                stack.Pop();
            }

            var parent = stack.Count > 0 ? stack.Peek() : null;
            var expected = parent is null ? 0 : parent.Level + 1;
            if (tabs != expected)
            {
                Error(file, lineNumber, $"indentation: {tabs} tab(s) where {expected} belong (a child sits one level below its parent)");
            }

            var keyword = FirstWord(text);
            if (ObjectKeywords.Contains(keyword) && !(parent is not null && IsPropertyLine(text)))
            {
                var node = Declaration(file, lineNumber, tabs, keyword, text[keyword.Length..].TrimStart(), lines, ref i);
                if (description.Count > 0)
                {
                    node.Description = string.Join("\n", description);
                    description.Clear();
                }

                (parent?.Children ?? _roots).Add(node);
                stack.Push(node);
                continue;
            }

            if (description.Count > 0)
            {
                Error(file, descriptionLine, "a /// description must be followed by an object, not by a property");
                description.Clear();
            }

            if (parent is null)
            {
                Error(file, lineNumber, $"'{text}' is neither an object nor a property of one");
                continue;
            }

            Property(file, lineNumber, tabs, parent, stack, text, lines, ref i);
        }

        if (description.Count > 0)
        {
            Error(file, descriptionLine, "a /// description at the end of the file describes nothing");
        }
    }

    private TmdlNode Declaration(string file, int lineNumber, int level, string keyword, string rest, string[] lines, ref int i)
    {
        if (keyword.Equals("ref", StringComparison.OrdinalIgnoreCase))
        {
            var type = FirstWord(rest);
            var (refName, _) = ReadName(file, lineNumber, rest[type.Length..].TrimStart());
            return new TmdlNode(file, lineNumber, level, keyword, type + " " + refName);
        }

        var (name, after) = ReadName(file, lineNumber, rest);
        var node = new TmdlNode(file, lineNumber, level, keyword, name);
        after = after.TrimStart();
        if (after.StartsWith('='))
        {
            node.Expression = ExpressionAfter(file, lineNumber, level, after[1..].Trim(), lines, ref i);
        }
        else if (after.Length > 0)
        {
            Error(file, lineNumber, $"unexpected '{after}' after the name of {keyword} {name} (a name with spaces or . = : ' must be quoted)");
        }

        return node;
    }

    private void Property(string file, int lineNumber, int level, TmdlNode parent, Stack<TmdlNode> stack, string text, string[] lines, ref int i)
    {
        if (PropertyLine().Match(text) is { Success: true } property)
        {
            var value = property.Groups["value"].Value.Trim();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                value = value[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
            }

            if (!parent.Properties.TryAdd(property.Groups["key"].Value, value))
            {
                Error(file, lineNumber, $"{property.Groups["key"].Value} is set twice on {parent.Keyword} {parent.Name}");
            }

            return;
        }

        if (ExpressionLine().Match(text) is { Success: true } expression)
        {
            parent.ExpressionProperties[expression.Groups["key"].Value] =
                ExpressionAfter(file, lineNumber, level, expression.Groups["value"].Value.Trim(), lines, ref i);
            return;
        }

        if (Word().IsMatch(text))
        {
            // A flag (isHidden), or a property with properties of its own (dataAccessOptions) whose lines follow deeper.
            parent.Properties[text] = "true";
            var group = new TmdlNode(file, lineNumber, level, text, "") { IsPropertyGroup = true };
            parent.Children.Add(group);
            stack.Push(group);
            return;
        }

        Error(file, lineNumber, $"cannot read '{text}' as a property of {parent.Keyword} {parent.Name}");
    }

    /// <summary>The expression after <c>=</c>: the rest of the line, or the lines two levels deeper, or a fenced block.</summary>
    private string ExpressionAfter(string file, int lineNumber, int level, string inline, string[] lines, ref int i)
    {
        if (inline.StartsWith("```", StringComparison.Ordinal))
        {
            var fenced = new List<string>();
            for (i++; i < lines.Length; i++)
            {
                if (lines[i].Trim() == "```")
                {
                    return string.Join("\n", fenced);
                }

                fenced.Add(lines[i]);
            }

            Error(file, lineNumber, "a ``` expression is never closed");
            return string.Join("\n", fenced);
        }

        if (inline.Length > 0)
        {
            return inline;
        }

        var margin = level + 2;
        var body = new List<string>();
        while (i + 1 < lines.Length)
        {
            var next = lines[i + 1];
            if (next.Trim().Length == 0)
            {
                body.Add("");
                i++;
                continue;
            }

            var tabs = next.Length - next.TrimStart('\t').Length;
            if (tabs < margin)
            {
                break;
            }

            body.Add(next[margin..].TrimEnd());
            i++;
        }

        while (body.Count > 0 && body[^1].Length == 0)
        {
            body.RemoveAt(body.Count - 1);
            i--; // leave the trailing blank lines to the reader
        }

        if (body.Count == 0)
        {
            Error(file, lineNumber, $"the expression after '=' is empty: its lines belong {margin} tabs deep");
        }

        return string.Join("\n", body);
    }

    /// <summary>A name, quoted or not, and what follows it. An unquoted name may not hold . = : ' or white space.</summary>
    private (string Name, string After) ReadName(string file, int lineNumber, string text)
    {
        if (text.StartsWith('\''))
        {
            var name = new StringBuilder();
            for (var j = 1; j < text.Length; j++)
            {
                if (text[j] != '\'')
                {
                    name.Append(text[j]);
                }
                else if (j + 1 < text.Length && text[j + 1] == '\'')
                {
                    name.Append('\'');
                    j++;
                }
                else
                {
                    return (name.ToString(), text[(j + 1)..]);
                }
            }

            Error(file, lineNumber, $"the quoted name in '{text}' is never closed");
            return (name.ToString(), "");
        }

        var end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '=')
        {
            end++;
        }

        var unquoted = text[..end];
        if (unquoted.Length == 0)
        {
            Error(file, lineNumber, "a name is missing");
        }
        else if (unquoted.Any(c => c is '.' or ':' or '\''))
        {
            Error(file, lineNumber, $"the name {unquoted} holds . : or ' and must be quoted");
        }

        return (unquoted, text[end..]);
    }

    private static bool IsPropertyLine(string text) => PropertyLine().IsMatch(text);

    private static string FirstWord(string text) => Word().Match(text.Split(' ', 2)[0]) is { Success: true } ? text.Split(' ', 2)[0] : "";

    private void Error(string file, int line, string message) => _errors.Add($"{file}:{line}: {message}");

    [GeneratedRegex(@"^(?<key>[A-Za-z_][A-Za-z0-9_]*)\s*:(?<value>.*)$")]
    private static partial Regex PropertyLine();

    [GeneratedRegex(@"^(?<key>[A-Za-z_][A-Za-z0-9_]*)\s*=(?<value>.*)$")]
    private static partial Regex ExpressionLine();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Word();
}
