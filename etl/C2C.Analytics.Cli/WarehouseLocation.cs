namespace C2C.Analytics.Cli;

/// <summary>
/// Where the warehouse file is: <c>--db</c> when given, else the <c>C2C_WAREHOUSE</c> environment variable, else
/// <c>data/warehouse.duckdb</c> under the current directory. Every command that touches the warehouse resolves it here.
/// </summary>
internal sealed record WarehouseLocation(string Path, WarehouseSource Source)
{
    public const string EnvironmentVariable = "C2C_WAREHOUSE";
    public const string DefaultRelativePath = "data/warehouse.duckdb";
    public const string InMemory = ":memory:";

    /// <summary>True for <c>:memory:</c> (and DuckDB's named in-memory databases, <c>:memory:name</c>).</summary>
    public bool IsInMemory => Path.StartsWith(InMemory, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the user chose the location (option or environment variable) rather than taking the default.</summary>
    public bool IsExplicit => Source != WarehouseSource.Default;

    public bool Exists => IsInMemory || File.Exists(Path);

    /// <summary>How the location was chosen, for messages: "--db", "C2C_WAREHOUSE" or "the default".</summary>
    public string Origin => Source switch
    {
        WarehouseSource.Option => "--db",
        WarehouseSource.Environment => EnvironmentVariable,
        _ => "the default",
    };

    public static WarehouseLocation Resolve(string? optionPath, Func<string, string?> getEnvironmentVariable, string currentDirectory)
    {
        if (!string.IsNullOrWhiteSpace(optionPath))
        {
            return new WarehouseLocation(Absolute(optionPath, currentDirectory), WarehouseSource.Option);
        }

        var fromEnvironment = getEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new WarehouseLocation(Absolute(fromEnvironment, currentDirectory), WarehouseSource.Environment);
        }

        return new WarehouseLocation(Absolute(DefaultRelativePath, currentDirectory), WarehouseSource.Default);
    }

    private static string Absolute(string path, string currentDirectory) =>
        path.StartsWith(InMemory, StringComparison.OrdinalIgnoreCase) ? path : System.IO.Path.GetFullPath(path, currentDirectory);
}

internal enum WarehouseSource
{
    Default,
    Environment,
    Option,
}
