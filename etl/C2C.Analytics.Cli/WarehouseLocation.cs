using C2C.Analytics.Pipeline;

namespace C2C.Analytics.Cli;

/// <summary>
/// Where the warehouse file is: <c>--db</c> when given, else the <c>C2C_WAREHOUSE</c> environment variable, else
/// <c>warehouse.duckdb</c> in the data folder (<c>C2C_DATA</c>, else <c>data</c> under the current directory), which is
/// where <c>c2c run</c> builds it. Every command that touches the warehouse resolves it here.
/// </summary>
internal sealed record WarehouseLocation(string Path, WarehouseSource Source)
{
    public const string EnvironmentVariable = "C2C_WAREHOUSE";
    public const string FileName = "warehouse.duckdb";
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
        WarehouseSource.DataEnvironment => DataDirectory.EnvironmentVariable,
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

        var data = DataDirectory.Resolve(null, getEnvironmentVariable, currentDirectory);
        var source = string.IsNullOrWhiteSpace(getEnvironmentVariable(DataDirectory.EnvironmentVariable)) ? WarehouseSource.Default : WarehouseSource.DataEnvironment;
        return new WarehouseLocation(System.IO.Path.Combine(data, FileName), source);
    }

    /// <summary>
    /// The file <c>c2c run</c> builds and the commands that read its result (<c>report</c>, <c>publish</c>) open:
    /// <c>Pipeline:Warehouse</c>, else <c>$C2C_WAREHOUSE</c>, else <c>warehouse.duckdb</c> in the data folder.
    /// </summary>
    public static string OfRun(string? configured, string dataDirectory, Func<string, string?> getEnvironmentVariable, string currentDirectory) =>
        configured is { Length: > 0 } ? System.IO.Path.GetFullPath(configured, currentDirectory)
        : getEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? System.IO.Path.GetFullPath(fromEnvironment, currentDirectory)
        : System.IO.Path.Combine(dataDirectory, FileName);

    private static string Absolute(string path, string currentDirectory) =>
        path.StartsWith(InMemory, StringComparison.OrdinalIgnoreCase) ? path : System.IO.Path.GetFullPath(path, currentDirectory);
}

internal enum WarehouseSource
{
    Default,
    Environment,
    DataEnvironment,
    Option,
}
