using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Pipeline.Run;

/// <summary>
/// One source entity as the warehouse holds it after its last committed run: the landing run its data came from and
/// the watermark range recorded for it (etl_run_source, as the view etl_watermark shows it). etl_run_source is written
/// in the run's transaction, so this only ever names data that was committed: an extract continues from here, never
/// from a run that failed.
/// </summary>
public sealed record CommittedLanding(string Source, string Entity, string LandingRunId, DateTimeOffset? WatermarkFrom, DateTimeOffset? WatermarkTo)
{
    /// <summary>The entities of the newest committed run (every run replaces all raw tables, so only that run counts).</summary>
    public static IReadOnlyList<CommittedLanding> Read(DuckDbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT source, entity, landing_run_id, watermark_from, watermark
            FROM etl_watermark
            ORDER BY source, entity
            """;
        var committed = new List<CommittedLanding>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            committed.Add(new CommittedLanding(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                Utc(reader, 3), Utc(reader, 4)));
        }

        return committed;
    }

    private static DateTimeOffset? Utc(DuckDbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));
}
