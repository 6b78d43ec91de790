namespace C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

/// <summary>
/// The repository's own SQL: the tests run the real model and function files, found by walking up from the test
/// assembly to the folder that holds C2C.Analytics.sln.
/// </summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(() =>
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

    public static string Models => Path.Combine(Root.Value, "warehouse", "models");

    public static string Functions => Path.Combine(Root.Value, "warehouse", "functions");
}
