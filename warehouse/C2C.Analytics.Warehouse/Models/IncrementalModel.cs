using System.Globalization;
using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Warehouse.Models;

/// <summary>
/// <see cref="Materialization.Incremental"/>: the table is kept across runs. A run deletes the rows its
/// <c>-- replace_where:</c> predicate selects and appends the model's rows, which must all satisfy it — so re-running
/// the same as-of date replaces that date's rows instead of adding a second copy. The first run creates the table;
/// a column the model gains later is added to it (NULL in the rows already there).
/// </summary>
internal static class IncrementalModel
{
    /// <summary>Applies the model; returns the rows the table holds and what the run changed.</summary>
    public static (long Rows, string Detail) Run(DuckDbConnection connection, SqlModel model)
    {
        var table = model.Name;
        var body = ModelRunner.Body(model);
        var replaceWhere = $"coalesce(({model.ReplaceWhere}), false)";
        long written;
        long replaced = 0;
        if (!ModelSql.TableExists(connection, table))
        {
            ModelSql.Execute(connection, $"CREATE TABLE {table} AS\n{body}\n");
            written = ModelSql.Count(connection, $"SELECT count(*) FROM {table}");
            var inside = ModelSql.Count(connection, $"SELECT count(*) FROM {table} WHERE {replaceWhere}");
            ThrowIfOutside(model, written, inside);
        }
        else
        {
            ModelSql.AddNewColumns(connection, table, ModelSql.Shape(connection, body));
            replaced = ModelSql.Execute(connection, $"DELETE FROM {table} WHERE {replaceWhere}");
            written = ModelSql.Execute(connection, $"INSERT INTO {table} BY NAME SELECT * FROM (\n{body}\n)");
            // Every row just written must be one the predicate selects, or the next run would not replace it.
            ThrowIfOutside(model, written, ModelSql.Count(connection, $"SELECT count(*) FROM {table} WHERE {replaceWhere}"));
        }

        var rows = ModelSql.Count(connection, $"SELECT count(*) FROM {table}");
        return (rows, string.Create(CultureInfo.InvariantCulture, $"{written:N0} written, {replaced:N0} replaced"));
    }

    private static void ThrowIfOutside(SqlModel model, long written, long inside)
    {
        if (inside != written)
        {
            throw new ModelRefusedException(model, string.Create(CultureInfo.InvariantCulture,
                $"{written - inside} of the {written} rows it selects are not rows its replace_where ({model.ReplaceWhere}) selects, so a later run would not replace them."));
        }
    }
}
