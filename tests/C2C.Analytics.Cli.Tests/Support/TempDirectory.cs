using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Cli.Tests.Support;

/// <summary>A fresh directory under the system temp directory, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "c2c-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    /// <summary>Creates a DuckDB file at <paramref name="relativePath"/> holding what <paramref name="sql"/> builds; closed on return.</summary>
    public string CreateDatabase(string relativePath, string sql)
    {
        var file = File(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        using var connection = new DuckDbConnection(new DuckDbConnectionStringBuilder { DataSource = file }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory is harmless.
        }
    }
}
