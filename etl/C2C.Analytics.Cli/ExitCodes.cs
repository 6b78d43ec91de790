namespace C2C.Analytics.Cli;

/// <summary>The process exit codes of <c>c2c</c>.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>DuckDB (or the provider) reported an error: a bad query, a write to a read-only warehouse, …</summary>
    public const int Failure = 1;

    /// <summary>Bad usage: unknown option, missing argument, a database file that does not exist.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Interrupted = 130;
}
