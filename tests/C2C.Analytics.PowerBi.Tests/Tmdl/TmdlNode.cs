namespace C2C.Analytics.PowerBi.Tests.Tmdl;

/// <summary>
/// One object of a TMDL document (<c>table</c>, <c>column</c>, <c>measure</c>, <c>partition</c>, <c>relationship</c>,
/// <c>role</c>, <c>tablePermission</c>, <c>expression</c>, <c>annotation</c>, …) with its properties, its default
/// expression (after <c>=</c>), its expression properties (<c>source =</c>) and its child objects.
/// </summary>
public sealed class TmdlNode(string file, int line, int level, string keyword, string name)
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public int Level { get; } = level;

    public string Keyword { get; } = keyword;

    /// <summary>The name, unquoted (<c>'Team lead'</c> reads <c>Team lead</c>).</summary>
    public string Name { get; } = name;

    public string? Description { get; set; }

    /// <summary>The default expression: a measure's DAX, a partition's kind (<c>m</c>), a permission's filter.</summary>
    public string? Expression { get; set; }

    public Dictionary<string, string> Properties { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> ExpressionProperties { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<TmdlNode> Children { get; } = [];

    /// <summary>A property that has properties of its own (<c>dataAccessOptions</c>), not an object.</summary>
    public bool IsPropertyGroup { get; init; }

    public IEnumerable<TmdlNode> ChildrenOf(string keyword) =>
        Children.Where(c => !c.IsPropertyGroup && string.Equals(c.Keyword, keyword, StringComparison.OrdinalIgnoreCase));

    public string Where => $"{File}:{Line}";

    public bool Flag(string property) =>
        Properties.TryGetValue(property, out var value) && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);
}
