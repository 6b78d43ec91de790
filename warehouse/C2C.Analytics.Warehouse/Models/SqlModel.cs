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

    /// <summary>The columns of the table's key (<c>-- primary key:</c>); empty when none is declared.</summary>
    public IReadOnlyList<string> PrimaryKey { get; init; } = [];

    /// <summary>Declared maximum text lengths in characters, by column (<c>-- max length:</c>).</summary>
    public IReadOnlyDictionary<string, int> MaxLengths { get; init; } = new Dictionary<string, int>();
}
