namespace C2C.Analytics.Pipeline.Run;

/// <summary>A temporary folder for working files (pages converted for loading), removed with everything in it on dispose.</summary>
internal sealed class WorkDirectory(string prefix) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));

    /// <summary>The folder, created on first use.</summary>
    public string Ensure()
    {
        Directory.CreateDirectory(Path);
        return Path;
    }

    /// <summary>The path of a file in the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Ensure(), name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
