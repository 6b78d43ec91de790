namespace C2C.Analytics.Cli;

/// <summary>
/// What the program reads from and writes to outside its arguments: the output streams, whether standard output is a
/// terminal, environment variables and the current directory. Tests pass their own.
/// </summary>
internal sealed record CliEnvironment(
    TextWriter Out,
    TextWriter Error,
    bool OutputIsTerminal,
    int TerminalWidth,
    Func<string, string?> GetEnvironmentVariable,
    string CurrentDirectory)
{
    /// <summary>Whether standard error is a terminal: log lines are then text (and progress bars), else JSON lines.</summary>
    public bool ErrorIsTerminal { get; init; }

    public static CliEnvironment FromProcess(TextWriter stdout) => new(
        stdout,
        Console.Error,
        OutputIsTerminal: !Console.IsOutputRedirected,
        TerminalWidth: ConsoleWidth(),
        Environment.GetEnvironmentVariable,
        Environment.CurrentDirectory)
    {
        ErrorIsTerminal = !Console.IsErrorRedirected,
    };

    private static int ConsoleWidth()
    {
        if (Console.IsOutputRedirected)
        {
            return 0;
        }

        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
