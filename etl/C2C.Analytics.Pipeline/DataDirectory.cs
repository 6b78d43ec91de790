namespace C2C.Analytics.Pipeline;

/// <summary>
/// The data folder (landing files, the warehouse, the Parquet export): <c>--data</c> when given, else the
/// <c>C2C_DATA</c> environment variable, else <c>./data</c> under the current directory. Every command that reads or
/// writes the data folder (<c>c2c sample</c>, <c>c2c run</c>) resolves it here.
/// </summary>
public static class DataDirectory
{
    public const string EnvironmentVariable = "C2C_DATA";

    public const string DefaultRelativePath = "data";

    /// <summary>The absolute path of the data folder; relative paths are taken from <paramref name="currentDirectory"/>.</summary>
    public static string Resolve(string? optionValue, Func<string, string?> getEnvironmentVariable, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        var chosen = !string.IsNullOrWhiteSpace(optionValue) ? optionValue
            : getEnvironmentVariable(EnvironmentVariable) is { } fromEnvironment && !string.IsNullOrWhiteSpace(fromEnvironment) ? fromEnvironment
            : DefaultRelativePath;
        return Path.GetFullPath(chosen.Trim(), currentDirectory);
    }
}
