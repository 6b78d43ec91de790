namespace C2C.Analytics.DuckDb.Tests;

/// <summary>A fresh in-memory database per test, or a file in a temp folder removed afterwards.</summary>
internal sealed class TestDatabase : IDisposable
{
    private TestDatabase(string directory, string path)
    {
        Directory = directory;
        Path = path;
    }

    public string Directory { get; }

    public string Path { get; }

    public static DuckDbConnection OpenInMemory()
    {
        var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    public static TestDatabase CreateFile()
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "c2c-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return new TestDatabase(directory, System.IO.Path.Combine(directory, "test.duckdb"));
    }

    public DuckDbConnection Open(string extra = "")
    {
        var connection = new DuckDbConnection($"Data Source={Path};{extra}");
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a failing test must not hide that test's own failure.
        }
    }
}

internal static class ConnectionExtensions
{
    public static int Exec(this DuckDbConnection connection, string sql, params object?[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new DuckDbParameter(parameter));
        }

        return command.ExecuteNonQuery();
    }

    public static object? Scalar(this DuckDbConnection connection, string sql, params object?[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new DuckDbParameter(parameter));
        }

        return command.ExecuteScalar();
    }
}
