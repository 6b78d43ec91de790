namespace C2C.Analytics.Pipeline.Run;

/// <summary>Configuration section <c>Pipeline</c>: where the run reads and writes, and DuckDB's resources.</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>The warehouse file; default <c>&lt;data&gt;/warehouse.duckdb</c>.</summary>
    public string? Warehouse { get; set; }

    /// <summary>The Parquet export folder; default <c>&lt;data&gt;/export</c>.</summary>
    public string? ExportDirectory { get; set; }

    /// <summary>DuckDB worker threads for the run (default: all cores). On a shared server, set it.</summary>
    public int? Threads { get; set; }

    /// <summary>DuckDB memory limit, e.g. <c>4GB</c> (default: DuckDB's, about 80% of memory).</summary>
    public string? MemoryLimit { get; set; }

    /// <summary>The built-in sample source, used when no live source is configured.</summary>
    public SampleSourceOptions Sample { get; set; } = new();
}

public sealed class SampleSourceOptions
{
    public int Engagements { get; set; } = 500;

    public int Seed { get; set; } = 42;
}

/// <summary>What one <c>c2c run</c> was asked to do.</summary>
public sealed record RunRequest(string DataDirectory, DateOnly AsOf, bool FullRefresh = false, string? LandingRunId = null)
{
    /// <summary>
    /// What the warehouse holds before this run, per source entity (filled in by the runner from the last committed
    /// run): where an incremental extract continues from. Empty for a new warehouse.
    /// </summary>
    public IReadOnlyList<CommittedLanding> Committed { get; init; } = [];

    /// <summary>
    /// The run's id when the caller chose it (so that its log can be named before the run starts); a new one when
    /// null. It must be new: it names the landing folders and the etl_run row.
    /// </summary>
    public string? RunId { get; init; }
}
