namespace C2C.Analytics.SqlServer;

/// <summary>
/// Configuration section <c>Publish:SqlServer</c>: where and how the finished tables are published. The connection
/// string comes from the environment (<c>C2C__Publish__SqlServer__ConnectionString</c>) or user secrets, never from a
/// file in the repository.
/// </summary>
public sealed class SqlServerPublishOptions
{
    public const string SectionName = "Publish:SqlServer";

    /// <summary>The SQL Server connection string. <c>Encrypt=True</c> is added when it does not say otherwise.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The schema Power BI reads; created when missing.</summary>
    public string Schema { get; set; } = "c2c";

    /// <summary>The schema tables are loaded into before they are switched into <see cref="Schema"/>; default <c>&lt;schema&gt;_staging</c>.</summary>
    public string? StagingSchema { get; set; }

    /// <summary>Seconds a statement may run (DDL, the switch, counts); 0 means no limit.</summary>
    public int CommandTimeoutSeconds { get; set; } = 300;

    /// <summary>Seconds the bulk copy of one table may run; 0 means no limit.</summary>
    public int BulkCopyTimeoutSeconds { get; set; } = 3600;

    /// <summary>Rows sent per bulk copy batch.</summary>
    public int BatchSize { get; set; } = 50_000;

    /// <summary>A fact table with at least this many rows gets a clustered columnstore index (snapshot facts always do).</summary>
    public long ColumnstoreMinRows { get; set; } = 1_000_000;

    /// <summary>
    /// Tables that grow by one date's rows per run, by name, with their date column: they are loaded incrementally
    /// (only the dates that differ from the server's copy) instead of replaced.
    /// </summary>
    public Dictionary<string, string> SnapshotTables { get; set; } = new(StringComparer.Ordinal)
    {
        ["fct_engagement_stage_snapshot"] = "snapshot_date",
    };

    /// <summary>Retries of transient SQL errors.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>
    /// Accept changes that could lose data or break a report (a narrower type, a removed column): the table is
    /// rebuilt from the warehouse. Off by default, so that such a change stops the publish with a message instead.
    /// </summary>
    public bool AcceptBreakingChanges { get; set; }

    public string EffectiveStagingSchema => string.IsNullOrWhiteSpace(StagingSchema) ? Schema + "_staging" : StagingSchema;
}

/// <summary>How transient SQL errors are retried: exponential backoff with jitter, capped.</summary>
public sealed class RetryOptions
{
    /// <summary>Attempts in all, the first included; 1 means no retry.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The delay before the first retry; each later one doubles, up to <see cref="MaxDelaySeconds"/>.</summary>
    public double BaseDelaySeconds { get; set; } = 2;

    public double MaxDelaySeconds { get; set; } = 60;
}
