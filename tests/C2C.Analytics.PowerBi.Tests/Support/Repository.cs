namespace C2C.Analytics.PowerBi.Tests.Support;

/// <summary>
/// The repository's files the tests read: the Power BI project, the metric documentation, the SQL models. Found by
/// walking up from the test assembly to the folder that holds C2C.Analytics.sln.
/// </summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "C2C.Analytics.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No C2C.Analytics.sln above {AppContext.BaseDirectory}.");
    });

    public static string Root => RootPath.Value;

    public static string PowerBi => Path.Combine(Root, "powerbi");

    public static string SemanticModel => Path.Combine(PowerBi, "ContractToCash.SemanticModel");

    public static string Definition => Path.Combine(SemanticModel, "definition");

    public static string Report => Path.Combine(PowerBi, "ContractToCash.Report");

    public static string Metrics => Path.Combine(Root, "warehouse", "METRICS.md");

    public static string Models => Path.Combine(Root, "warehouse", "models");

    public static string Readme => Path.Combine(PowerBi, "README.md");

    /// <summary>The path relative to the repository, with forward slashes, for messages.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
}
