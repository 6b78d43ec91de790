using System.Globalization;
using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Warehouse.Raw;

/// <summary>
/// Replaces the raw tables of a source with the landed pages of this run: DuckDB reads the files itself (typed, in
/// parallel) and unnests their records as it reads. A source with no files this run gets empty tables of the same
/// shape, so the models downstream always find their input.
/// </summary>
public static class RawLoader
{
    /// <summary>Pages can be large (a 20,000-row sheet is tens of MB); DuckDB's default limit is 16 MB.</summary>
    public const long MaximumObjectSize = 1L << 30;

    private const long DuckDbDefaultObjectSize = 16L << 20;

    /// <summary>
    /// The <c>maximum_object_size</c> to read <paramref name="files"/> with: the largest file (a page is one JSON
    /// object), at least DuckDB's default, at most <see cref="MaximumObjectSize"/>. Sized to the files, not the largest
    /// allowed, because the reader allocates buffers of twice this size per thread: 1 GB would ask for 2 GB at once
    /// and fail under a memory limit, whatever the pages hold.
    /// </summary>
    public static long MaximumObjectSizeFor(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var largest = files.Count == 0 ? 0 : files.Max(f => new FileInfo(f).Length);
        return Math.Clamp(largest + 1, DuckDbDefaultObjectSize, MaximumObjectSize);
    }

    /// <summary>Loads every table of <paramref name="source"/>; returns the rows of its record table.</summary>
    public static long Load(DuckDbConnection connection, RawSource source, IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var command = connection.CreateCommand();
        foreach (var table in source.Tables)
        {
            command.CommandText = $"CREATE OR REPLACE TABLE {table.Name} AS {Relation(table, files)}";
            command.ExecuteNonQuery();
        }

        return CountRows(connection, source.Records.Name);
    }

    /// <summary>The rows of a raw table (after a load, or after it was narrowed to the records kept).</summary>
    public static long CountRows(DuckDbConnection connection, string table)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>
    /// The rows <paramref name="table"/> gets from <paramref name="files"/>: DuckDB's reader of the landed pages (typed as
    /// the table is, paths in <c>file_name</c>) shaped by the table's select; no rows, the same columns, for no files.
    /// </summary>
    public static string Relation(RawTable table, IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(files);
        var pages = files.Count > 0 ? ReadJson(table, files) : EmptyShape(table);
        return table.Select.Replace("{0}", pages, StringComparison.Ordinal);
    }

    /// <summary>The files as a DuckDB list of path literals, for a reader's first argument.</summary>
    public static string FileList(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        // File paths are values in a list literal; quotes are doubled, nothing else is interpreted.
        return "[" + string.Join(", ", files.Select(f => "'" + f.Replace("'", "''", StringComparison.Ordinal) + "'")) + "]";
    }

    private static string ReadJson(RawTable table, IReadOnlyList<string> files)
    {
        return string.Create(CultureInfo.InvariantCulture,
            $"read_json({FileList(files)}, columns = {table.Columns}, format = 'auto', records = 'true', filename = 'file_name', maximum_object_size = {MaximumObjectSizeFor(files)})");
    }

    /// <summary>A zero-row relation with the columns <c>read_json</c> would give, for a source that landed nothing.</summary>
    private static string EmptyShape(RawTable table)
    {
        var columns = ParseColumns(table.Columns).Select(c => $"NULL::{c.Type} AS \"{c.Name}\"");
        return $"(SELECT {string.Join(", ", columns)}, NULL::VARCHAR AS file_name WHERE false)";
    }

    internal static IEnumerable<(string Name, string Type)> ParseColumns(string spec)
    {
        // spec: { name: 'TYPE', name2: 'TYPE2' } — types are quoted, names plain identifiers.
        var body = spec.Trim().TrimStart('{').TrimEnd('}');
        var position = 0;
        while (position < body.Length)
        {
            var colon = body.IndexOf(':', position);
            if (colon < 0)
            {
                yield break;
            }

            var name = body[position..colon].Trim().Trim(',').Trim();
            var open = body.IndexOf('\'', colon);
            var close = body.IndexOf('\'', open + 1);
            yield return (name, body[(open + 1)..close]);
            position = close + 1;
        }
    }
}
