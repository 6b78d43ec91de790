namespace C2C.Analytics.Cli;

/// <summary>
/// The process exit codes of <c>c2c</c>, for cron, systemd and monitors. One table for every command; the README's
/// "Exit codes" section lists the same numbers.
/// </summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The run or command failed (a model, the export, DuckDB); the warehouse is as it was.</summary>
    public const int Failure = 1;

    /// <summary>Bad usage: unknown option, missing argument, a database file that does not exist.</summary>
    public const int Usage = 2;

    /// <summary>The run succeeded and committed, but some records were rejected (see <c>c2c rejects</c>).</summary>
    public const int SuccessWithRejects = 3;

    /// <summary>A source (Salesforce, Smartsheet, a tracker file) failed: authentication, limits, a bad page.</summary>
    public const int SourceFailure = 4;

    /// <summary>The configuration is invalid; nothing was run.</summary>
    public const int ConfigurationError = 5;

    /// <summary>Another process holds the warehouse lock; nothing was run.</summary>
    public const int LockHeld = 6;

    /// <summary>The warehouse run succeeded but publishing to the serving target (SQL Server) failed.</summary>
    public const int PublishFailed = 7;

    /// <summary>Interrupted (Ctrl+C or SIGTERM), as shells report SIGINT.</summary>
    public const int Interrupted = 130;
}
