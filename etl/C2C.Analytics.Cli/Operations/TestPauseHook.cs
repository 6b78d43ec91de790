using System.Globalization;

namespace C2C.Analytics.Cli.Operations;

/// <summary>
/// For the crash tests only: with <c>C2C_TEST_PAUSE_AT</c> set to <c>models</c>, <c>export</c> or <c>publish</c>, a run
/// stops in the middle of that step (after the first model built, the first Parquet file staged, the first file
/// published), prints <see cref="Marker"/> to standard error and waits there until it is cancelled (Ctrl+C, SIGTERM:
/// the run then goes on and rolls back) or killed. It listens to the runner's progress lines, so the pipeline itself
/// has no test code in it. Unset, it does nothing.
/// </summary>
internal sealed class TestPauseHook
{
    public const string EnvironmentVariable = "C2C_TEST_PAUSE_AT";
    public const string Marker = "C2C_TEST_PAUSED";

    private static readonly Dictionary<string, string> LinePrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["models"] = "model ",
        ["export"] = "export ",
        ["publish"] = "publish ",
    };

    private readonly string _point;
    private readonly string _prefix;
    private readonly TextWriter _error;
    private bool _paused;

    private TestPauseHook(string point, string prefix, TextWriter error)
    {
        _point = point;
        _prefix = prefix;
        _error = error;
    }

    public static TestPauseHook? FromEnvironment(CliEnvironment environment) =>
        environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } point && LinePrefixes.TryGetValue(point.Trim(), out var prefix)
            ? new TestPauseHook(point.Trim().ToLowerInvariant(), prefix, environment.Error)
            : null;

    public void OnProgress(string line, CancellationToken cancellationToken)
    {
        if (_paused || !line.StartsWith(_prefix, StringComparison.Ordinal) || line.EndsWith('…'))
        {
            return;
        }

        _paused = true;
        _error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Marker} at {_point} (process {Environment.ProcessId})"));
        _error.Flush();
        cancellationToken.WaitHandle.WaitOne();
    }
}
