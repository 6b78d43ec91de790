namespace C2C.Analytics.Warehouse.Models;

/// <summary>How a model's result is kept.</summary>
public enum Materialization
{
    /// <summary>The file is one SELECT; the runner replaces the table with its result.</summary>
    Table,

    /// <summary>The file is one SELECT; the runner replaces a view.</summary>
    View,

    /// <summary>The file holds its own statements (for example an append into a history table).</summary>
    Script,

    /// <summary>
    /// The file is one SELECT whose rows replace, in a table kept across runs, the rows its <c>-- replace_where:</c>
    /// predicate selects (for example one as-of date of a snapshot): other rows stay.
    /// </summary>
    Incremental,

    /// <summary>
    /// The file is one SELECT of the current state, one row per <c>-- unique_key:</c>; the runner keeps every version in
    /// a table kept across runs (slowly changing dimension, type 2). See <see cref="HistorySettings"/>.
    /// </summary>
    History,
}

/// <summary>One SQL model: one file, whose name is the name of the table it builds.</summary>
public sealed record SqlModel(
    string Name,
    string Layer,
    string RelativePath,
    string Sql,
    Materialization Materialization,
    IReadOnlyList<string> DeclaredDependencies,
    string? Description)
{
    /// <summary>Every model this one reads: declared in its header, or named in its SQL.</summary>
    public IReadOnlyList<string> Dependencies { get; init; } = DeclaredDependencies;

    /// <summary>An incremental model's predicate (<c>-- replace_where:</c>): the rows a run replaces.</summary>
    public string? ReplaceWhere { get; init; }

    /// <summary>A history model's settings.</summary>
    public HistorySettings? History { get; init; }

    /// <summary>The SQL of the header's directives, which may name models too (for the dependency search).</summary>
    internal IEnumerable<string> DirectiveSql =>
        new[] { ReplaceWhere, History?.AsOf, History?.RetainWhen }.OfType<string>();

    /// <summary>The columns of the table's key (<c>-- primary key:</c>); empty when none is declared.</summary>
    public IReadOnlyList<string> PrimaryKey { get; init; } = [];

    /// <summary>Declared maximum text lengths in characters, by column (<c>-- max length:</c>).</summary>
    public IReadOnlyDictionary<string, int> MaxLengths { get; init; } = new Dictionary<string, int>();
}
