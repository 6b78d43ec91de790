namespace C2C.Analytics.Benchmarks.Provider;

/// <summary>A fresh directory holding one database file for one benchmark run; deleted afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    private TempDatabase(string directory)
    {
        Directory = directory;
        DatabasePath = Path.Combine(directory, "bench.duckdb");
    }

    public string Directory { get; }

    public string DatabasePath { get; }

    public static TempDatabase Create(string root)
    {
        var directory = Path.Combine(root, $"c2c-bench-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        return new TempDatabase(directory);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: leave it for the system's temp cleaner rather than fail the benchmark.
        }
    }
}
