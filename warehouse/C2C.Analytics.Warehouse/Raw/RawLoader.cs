using System.Globalization;
using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Warehouse.Raw;

/// <summary>
/// Replaces a raw table with the landed pages of this run: DuckDB reads the files itself (typed, in parallel). A source
/// with no files this run gets an empty table of the same shape, so the models downstream always find their input.
/// </summary>
public static class RawLoader
{
    /// <summary>Pages can be large (a 20,000-row sheet is tens of MB); DuckDB's default limit is 16 MB.</summary>
    public const long MaximumObjectSize = 1L << 30;

    public static long Load(DuckDbConnection connection, RawSource source, IReadOnlyList<string> files)
    {
        using var command = connection.CreateCommand();
        command.CommandText = files.Count > 0
            ? $"CREATE OR REPLACE TABLE {source.Table} AS SELECT * FROM {ReadJson(source, files)}"
            : $"CREATE OR REPLACE TABLE {source.Table} AS SELECT * FROM {EmptyShape(source)}";
        command.ExecuteNonQuery();
        command.CommandText = $"SELECT count(*) FROM {source.Table}";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>DuckDB's reader of the source's landed pages, typed as the raw table is, with their paths in <c>file_name</c>.</summary>
    public static string ReadJson(RawSource source, IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(files);
        // File paths are values in a list literal; quotes are doubled, nothing else is interpreted.
        var list = "[" + string.Join(", ", files.Select(f => "'" + f.Replace("'", "''", StringComparison.Ordinal) + "'")) + "]";
        return string.Create(CultureInfo.InvariantCulture,
            $"read_json({list}, columns = {source.Columns}, format = 'auto', records = 'true', filename = 'file_name', maximum_object_size = {MaximumObjectSize})");
    }

    /// <summary>A zero-row relation with the raw table's columns, for a source that landed nothing.</summary>
    private static string EmptyShape(RawSource source)
    {
        var columns = ParseColumns(source.Columns).Select(c => $"NULL::{c.Type} AS \"{c.Name}\"");
        return $"(SELECT {string.Join(", ", columns)}, NULL::VARCHAR AS file_name) WHERE false";
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
