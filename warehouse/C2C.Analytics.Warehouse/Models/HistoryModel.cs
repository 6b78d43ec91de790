using System.Globalization;
using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Warehouse.Models;

/// <summary>
/// <see cref="Materialization.History"/>: a slowly changing dimension of type 2, kept across runs. The model's SELECT is
/// the current state (one row per unique key); against the table's current versions a run
/// <list type="bullet">
/// <item>closes (valid_to = the run's date, is_current false) a version whose tracked columns changed — its row_hash
/// differs — and opens a new one (valid_from = the run's date, valid_to NULL);</item>
/// <item>closes a version whose key the SELECT no longer has, unless <c>retain_when</c> holds for it: then it stays
/// current, with is_loaded false;</item>
/// <item>refreshes in place, on an unchanged current version, the columns that are not tracked;</item>
/// <item>opens a version for a key without a current one (new, or back after being closed).</item>
/// </list>
/// valid_to is exclusive: a version holds on the days d with valid_from ≤ d &lt; valid_to. History has the grain of a
/// date: a second run on the same date first undoes what the earlier one did on it (versions opened on it are
/// deleted, those closed on it reopened), so it replaces that run instead of adding versions of zero length, and the
/// same inputs give the same table. A run dated before the latest date the history holds is refused.
/// </summary>
internal static class HistoryModel
{
    private const string Incoming = "history_incoming";
    private const string RunDate = "history_run_date";

    /// <summary>Applies the model; returns the versions the table holds and what the run changed.</summary>
    public static (long Rows, string Detail) Run(DuckDbConnection connection, SqlModel model)
    {
        var history = model.History!;
        var table = model.Name;
        var key = ModelSql.Quote(history.UniqueKey);
        var versionKey = ModelSql.Quote(history.VersionKey);
        var shape = ModelSql.Shape(connection, ModelRunner.Body(model));
        var untracked = CheckShape(model, shape);
        Stage(connection, model);

        if (ModelSql.TableExists(connection, table) && !IsHistoryTable(connection, table, history))
        {
            // A table this model built before it kept history holds one run's state only: history starts now.
            ModelSql.Execute(connection, $"DROP TABLE {table}");
        }

        if (!ModelSql.TableExists(connection, table))
        {
            ModelSql.Execute(connection, $"""
                CREATE TABLE {table} AS
                SELECT CAST(NULL AS BIGINT) AS {versionKey}, incoming.*, run.as_of AS valid_from, run.as_of AS valid_to,
                    true AS is_current, true AS is_loaded
                FROM {Incoming} AS incoming CROSS JOIN {RunDate} AS run
                WHERE false
                """);
        }

        ModelSql.AddNewColumns(connection, table, shape);
        ThrowIfBeforeHistory(connection, model);

        // Undo an earlier run of the same date, so that this one replaces it.
        ModelSql.Execute(connection, $"DELETE FROM {table} WHERE valid_from = (SELECT as_of FROM {RunDate})");
        ModelSql.Execute(connection, $"UPDATE {table} SET valid_to = NULL, is_current = true WHERE valid_to = (SELECT as_of FROM {RunDate})");

        var retained = history.RetainWhen is null ? "false" : $"coalesce(({history.RetainWhen}), false)";
        var closed = ModelSql.Execute(connection, $"""
            UPDATE {table} AS current_version
            SET valid_to = run.as_of, is_current = false, is_loaded = false
            FROM {RunDate} AS run
            WHERE current_version.is_current
                AND (
                    EXISTS (SELECT 1 FROM {Incoming} AS incoming
                        WHERE incoming.{key} = current_version.{key} AND incoming.row_hash <> current_version.row_hash)
                    OR (NOT EXISTS (SELECT 1 FROM {Incoming} AS incoming WHERE incoming.{key} = current_version.{key})
                        AND NOT {retained})
                )
            """);

        // What is still current and in the SELECT is unchanged in what is tracked: the rest is refreshed in place.
        var assignments = untracked.Select(c => $"{ModelSql.Quote(c)} = incoming.{ModelSql.Quote(c)}").Append("is_loaded = true");
        var differences = untracked.Select(c => $"current_version.{ModelSql.Quote(c)} IS DISTINCT FROM incoming.{ModelSql.Quote(c)}").Prepend("NOT current_version.is_loaded");
        ModelSql.Execute(connection, $"""
            UPDATE {table} AS current_version
            SET {string.Join(", ", assignments)}
            FROM {Incoming} AS incoming
            WHERE current_version.is_current AND current_version.{key} = incoming.{key}
                AND ({string.Join(" OR ", differences)})
            """);
        ModelSql.Execute(connection, $"""
            UPDATE {table} AS current_version SET is_loaded = false
            WHERE current_version.is_current AND current_version.is_loaded
                AND NOT EXISTS (SELECT 1 FROM {Incoming} AS incoming WHERE incoming.{key} = current_version.{key})
            """);

        var opened = ModelSql.Execute(connection, $"""
            INSERT INTO {table} BY NAME
            SELECT
                (SELECT coalesce(max({versionKey}), 0) FROM {table}) + row_number() OVER (ORDER BY incoming.{key}) AS {versionKey},
                incoming.*,
                run.as_of AS valid_from,
                CAST(NULL AS DATE) AS valid_to,
                true AS is_current,
                true AS is_loaded
            FROM {Incoming} AS incoming
            CROSS JOIN {RunDate} AS run
            WHERE NOT EXISTS (SELECT 1 FROM {table} AS version WHERE version.is_current AND version.{key} = incoming.{key})
            """);

        var held = ModelSql.Count(connection, $"SELECT count(*) FROM {table} WHERE is_current AND NOT is_loaded");
        ModelSql.Execute(connection, $"DROP TABLE {Incoming}; DROP TABLE {RunDate}");
        var rows = ModelSql.Count(connection, $"SELECT count(*) FROM {table}");
        return (rows, string.Create(CultureInfo.InvariantCulture, $"{opened:N0} opened, {closed:N0} closed, {held:N0} retained"));
    }

    /// <summary>The model's columns that are not tracked (refreshed in place); throws when the SELECT cannot be kept.</summary>
    private static List<string> CheckShape(SqlModel model, List<(string Name, string Type)> shape)
    {
        var history = model.History!;
        var names = shape.Select(c => c.Name).ToList();
        var clash = names.FirstOrDefault(n => n == history.VersionKey || HistorySettings.BookkeepingColumns.Contains(n));
        if (clash is not null)
        {
            throw new ModelRefusedException(model, $"its SELECT has a column '{clash}', which the history runner adds itself.");
        }

        var missing = history.Tracked.Prepend(history.UniqueKey).Where(c => !names.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ModelRefusedException(model, $"its SELECT has no column {string.Join(", ", missing.Select(m => $"'{m}'"))} (unique_key, tracked).");
        }

        return names.Where(n => n != history.UniqueKey && !history.Tracked.Contains(n)).ToList();
    }

    /// <summary>The run's date and the SELECT's rows with their row_hash, as temp tables; checks the key is unique.</summary>
    private static void Stage(DuckDbConnection connection, SqlModel model)
    {
        var history = model.History!;
        var key = ModelSql.Quote(history.UniqueKey);
        ModelSql.Execute(connection, $"CREATE OR REPLACE TEMP TABLE {RunDate} AS SELECT CAST(({history.AsOf}) AS DATE) AS as_of");
        if (ModelSql.Count(connection, $"SELECT count(*) FROM {RunDate} WHERE as_of IS NOT NULL") != 1)
        {
            throw new ModelRefusedException(model, $"its as_of ({history.AsOf}) gives no date.");
        }

        // The hash is over the tracked columns as text, in the header's order, as a JSON array: NULL stays distinct
        // from an empty string, and no value can run into the next.
        var hashed = string.Join(", ", history.Tracked.Select(c => $"CAST(incoming.{ModelSql.Quote(c)} AS VARCHAR)"));
        ModelSql.Execute(connection, $"""
            CREATE OR REPLACE TEMP TABLE {Incoming} AS
            SELECT incoming.*, md5(CAST(to_json([{hashed}]) AS VARCHAR)) AS row_hash
            FROM (
            {ModelRunner.Body(model)}
            ) AS incoming
            """);
        var duplicate = ModelSql.FirstRow(connection, $"""
            SELECT CAST({key} AS VARCHAR), count(*) FROM {Incoming} GROUP BY {key} HAVING count(*) > 1 OR {key} IS NULL
            ORDER BY {key} NULLS FIRST LIMIT 1
            """);
        if (duplicate is not null)
        {
            throw new ModelRefusedException(model, duplicate[0] is null
                ? $"its SELECT has rows without a {history.UniqueKey}."
                : $"its SELECT has {history.UniqueKey} '{duplicate[0]}' {duplicate[1]} times; a history keeps one row per key.");
        }
    }

    private static bool IsHistoryTable(DuckDbConnection connection, string table, HistorySettings history)
    {
        var columns = ModelSql.Columns(connection, table).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        return HistorySettings.BookkeepingColumns.Append(history.VersionKey).All(columns.Contains);
    }

    private static void ThrowIfBeforeHistory(DuckDbConnection connection, SqlModel model)
    {
        var later = ModelSql.FirstRow(connection, $"""
            SELECT strftime(history.latest, '%Y-%m-%d'), strftime(run.as_of, '%Y-%m-%d')
            FROM (SELECT max(greatest(valid_from, coalesce(valid_to, valid_from))) AS latest FROM {model.Name}) AS history
            CROSS JOIN {RunDate} AS run
            WHERE history.latest > run.as_of
            """);
        if (later is not null)
        {
            throw new ModelRefusedException(model,
                $"its history already runs to {later[0]}, so a run as of {later[1]} would rewrite it. Run as of {later[0]} or later " +
                $"(a run on {later[0]} replaces that date's changes); to start the history again, drop the table {model.Name}.");
        }
    }
}
