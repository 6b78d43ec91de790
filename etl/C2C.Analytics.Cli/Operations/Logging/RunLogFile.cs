using System.Text;

namespace C2C.Analytics.Cli.Operations.Logging;

/// <summary>
/// A run's own log, JSON lines in <c>&lt;data&gt;/logs/&lt;run_id&gt;.jsonl</c>, beside the landing folders of the same run
/// id: what the operator opens after a failed night. Every line is flushed as it is written, so the log of a killed
/// run ends at the step it was in.
/// </summary>
internal sealed class RunLogFile : IDisposable
{
    public const string FolderName = "logs";

    private readonly StreamWriter _writer;

    private RunLogFile(string path, StreamWriter writer)
    {
        Path = path;
        _writer = writer;
        Provider = new LineLoggerProvider(WriteLine, LogFormat.Json);
    }

    public string Path { get; }

    public LineLoggerProvider Provider { get; }

    public static string PathFor(string dataDirectory, string runId) => System.IO.Path.Combine(dataDirectory, FolderName, runId + ".jsonl");

    public static RunLogFile Create(string dataDirectory, string runId)
    {
        var path = PathFor(dataDirectory, runId);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        return new RunLogFile(path, new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true });
    }

    public void Dispose() => _writer.Dispose();

    private void WriteLine(string line) => _writer.WriteLine(line);
}
