namespace C2C.Analytics.SqlServer.Target;

/// <summary>One row of <c>etl_publish</c>: which warehouse run was published, when, and how it ended.</summary>
public sealed record PublishRecord(
    Guid PublishId,
    string RunId,
    DateTime AsOf,
    DateTime StartedAt,
    DateTime? FinishedAt,
    string Status,
    int? Tables,
    long? Rows,
    int? SchemaVersion,
    string? Error,
    string Host);
