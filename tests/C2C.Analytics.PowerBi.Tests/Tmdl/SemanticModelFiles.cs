using System.Text;

namespace C2C.Analytics.PowerBi.Tests.Tmdl;

/// <summary>A column reference of a relationship (<c>Table.Column</c>, either part quoted).</summary>
public sealed record ColumnRef(string Table, string Column)
{
    public override string ToString() => $"{Table}.{Column}";
}

public sealed record TmdlColumn(string Table, TmdlNode Node)
{
    public string Name => Node.Name;

    public string? DataType => Node.Properties.GetValueOrDefault("dataType");

    public string? SourceColumn => Node.Properties.GetValueOrDefault("sourceColumn");

    public string? SortByColumn => Node.Properties.GetValueOrDefault("sortByColumn") is { } sortBy ? Unquote(sortBy) : null;

    private static string Unquote(string name) => name.StartsWith('\'') && name.EndsWith('\'') ? name[1..^1].Replace("''", "'", StringComparison.Ordinal) : name;
}

public sealed record TmdlTable(TmdlNode Node)
{
    public string Name => Node.Name;

    public IReadOnlyList<TmdlColumn> Columns => Node.ChildrenOf("column").Select(c => new TmdlColumn(Name, c)).ToList();

    public IReadOnlyList<TmdlNode> Measures => Node.ChildrenOf("measure").ToList();

    public IReadOnlyList<TmdlNode> Partitions => Node.ChildrenOf("partition").ToList();

    public bool IsGenerated => Node.ChildrenOf("annotation").Any(a => a.Name == "c2c_generated");
}

public sealed record TmdlRelationship(TmdlNode Node, ColumnRef From, ColumnRef To)
{
    public bool IsActive => !string.Equals(Node.Properties.GetValueOrDefault("isActive"), "false", StringComparison.OrdinalIgnoreCase);
}

public sealed record TmdlPermission(string Role, TmdlNode Node)
{
    public string Table => Node.Name;

    public string Filter => Node.Expression ?? "";
}

/// <summary>
/// The files of the semantic model's <c>definition/</c> folder read with <see cref="TmdlDocument"/>: tables, relationships,
/// roles and expressions, with every syntax error of every file (and a byte-order mark, which Power BI does not write).
/// </summary>
public sealed class SemanticModelFiles
{
    private SemanticModelFiles()
    {
    }

    public List<string> Errors { get; } = [];

    public List<string> Files { get; } = [];

    public Dictionary<string, TmdlTable> Tables { get; } = new(StringComparer.Ordinal);

    public List<TmdlRelationship> Relationships { get; } = [];

    public List<TmdlPermission> Permissions { get; } = [];

    public List<TmdlNode> Roles { get; } = [];

    public Dictionary<string, TmdlNode> Expressions { get; } = new(StringComparer.Ordinal);

    public List<TmdlNode> Roots { get; } = [];

    public IEnumerable<TmdlColumn> AllColumns => Tables.Values.SelectMany(t => t.Columns);

    public IEnumerable<(TmdlTable Table, TmdlNode Measure)> AllMeasures => Tables.Values.SelectMany(t => t.Measures.Select(m => (t, m)));

    public static SemanticModelFiles Load(string definitionDirectory)
    {
        var model = new SemanticModelFiles();
        foreach (var path in Directory.GetFiles(definitionDirectory, "*.tmdl", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(definitionDirectory, path).Replace('\\', '/');
            model.Files.Add(relative);
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            {
                model.Errors.Add($"{relative}: starts with a byte-order mark; TMDL files are UTF-8 without one");
            }

            var document = TmdlDocument.Parse(relative, new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
            model.Errors.AddRange(document.Errors);
            model.Roots.AddRange(document.Roots);
            model.Add(relative, document.Roots);
        }

        return model;
    }

    /// <summary><c>Table.Column</c> with either part quoted.</summary>
    public static ColumnRef ParseColumnRef(string text)
    {
        var parts = new List<string>();
        var part = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'' && quoted && i + 1 < text.Length && text[i + 1] == '\'')
            {
                part.Append('\'');
                i++;
            }
            else if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (c == '.' && !quoted)
            {
                parts.Add(part.ToString());
                part.Clear();
            }
            else
            {
                part.Append(c);
            }
        }

        parts.Add(part.ToString());
        return parts.Count == 2 ? new ColumnRef(parts[0].Trim(), parts[1].Trim()) : new ColumnRef(text, "");
    }

    private void Add(string file, IReadOnlyList<TmdlNode> roots)
    {
        foreach (var root in roots)
        {
            switch (root.Keyword)
            {
                case "table":
                    if (!Tables.TryAdd(root.Name, new TmdlTable(root)))
                    {
                        Errors.Add($"{root.Where}: table {root.Name} is declared twice");
                    }

                    if (file.StartsWith("tables/", StringComparison.Ordinal) && Path.GetFileNameWithoutExtension(file) != root.Name)
                    {
                        Errors.Add($"{root.Where}: table {root.Name} sits in {file}; a table's file is named after it");
                    }

                    break;
                case "relationship":
                    Relationships.Add(new TmdlRelationship(root,
                        ParseColumnRef(root.Properties.GetValueOrDefault("fromColumn") ?? ""),
                        ParseColumnRef(root.Properties.GetValueOrDefault("toColumn") ?? "")));
                    break;
                case "role":
                    Roles.Add(root);
                    Permissions.AddRange(root.ChildrenOf("tablePermission").Select(p => new TmdlPermission(root.Name, p)));
                    break;
                case "expression":
                    Expressions[root.Name] = root;
                    break;
            }
        }
    }
}
