using System.Globalization;
using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Warehouse.Raw;

namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>
/// An object's data set after an incremental read: the pages this run landed, and the pages earlier runs landed for
/// the records this run did not read again. One rule, used both when the extract writes its manifest (how many records
/// each earlier file still provides) and when the run loads the raw table (which records it keeps), so that the two
/// always agree:
/// <list type="bullet">
/// <item>every record of this run's pages is kept (copies a read took twice are told apart in staging, which keeps the
/// newest by SystemModstamp and rejects the others as duplicates);</item>
/// <item>a record of an earlier page is kept only when this run did not read its Id again, and only its newest copy
/// (the latest file in landing order, then the latest position);</item>
/// <item>an earlier record without an Id is not carried forward (it was rejected in its own run).</item>
/// </list>
/// </summary>
internal static class SalesforceComposition
{
    /// <summary>
    /// The kept records (file_name, file_order, is_current, record_index, record) of a relation of records
    /// (file_name, record_index, record JSON) whose files are listed in <see cref="RawPages.FileOrderTable"/>.
    /// </summary>
    public static string KeptRecords(string records) => $"""
        SELECT file_name, file_order, is_current, record_index, record
        FROM (
            SELECT
                landed.file_name,
                file_order.file_order,
                file_order.is_current,
                landed.record_index,
                landed.record,
                landed.record ->> 'Id' AS record_id
            FROM ({records}) AS landed
            JOIN {RawPages.FileOrderTable} AS file_order USING (file_name)
        ) AS records
        QUALIFY is_current
            OR (record_id IS NOT NULL
                AND NOT bool_or(is_current) OVER (PARTITION BY record_id)
                AND row_number() OVER (PARTITION BY record_id ORDER BY file_order DESC, record_index DESC) = 1)
        """;

    /// <summary>Paths DuckDB's JSON reader can read, for landed pages: a JSON page as it is, a Bulk CSV page converted into <paramref name="work"/>.</summary>
    public static IReadOnlyList<(string Landed, string Loaded)> Loadable(IEnumerable<string> landed, WorkDirectory work) =>
        landed.Select((path, i) => (path, BulkCsvPages.IsCsv(path) ? Converted(path, work.File(i.ToString("000000", CultureInfo.InvariantCulture) + ".json")) : path)).ToList();

    /// <summary>
    /// How many records each earlier file (<paramref name="earlierOldestFirst"/>) still provides next to this run's
    /// files (<paramref name="current"/>), by the rule above; files that provide none are absent from the answer.
    /// </summary>
    public static IReadOnlyDictionary<string, long> Count(RawSource source, IReadOnlyList<string> earlierOldestFirst, IReadOnlyList<string> current)
    {
        using var work = new WorkDirectory("c2c-salesforce-");
        var loadable = Loadable(earlierOldestFirst.Concat(current), work);
        var landedByLoaded = loadable.ToDictionary(l => l.Loaded, l => l.Landed, StringComparer.Ordinal);
        using var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        RawPages.WriteFileOrder(connection, loadable.Select((l, i) => (l.Loaded, i >= earlierOldestFirst.Count)));
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT file_name, count(*)
            FROM ({KeptRecords(RawLoader.Relation(source.Records, loadable.Select(l => l.Loaded).ToList()))})
            WHERE NOT is_current
            GROUP BY file_name
            """;
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            counts[landedByLoaded[reader.GetString(0)]] = reader.GetInt64(1);
        }

        return counts;
    }

    private static string Converted(string csvPath, string jsonPath)
    {
        BulkCsvPages.Convert(csvPath, jsonPath);
        return jsonPath;
    }
}
