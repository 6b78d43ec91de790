using System.Diagnostics;
using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Warehouse.Models;

/// <summary>The outcome of one model: how long it took and how many rows its table holds.</summary>
public sealed record ModelResult(SqlModel Model, TimeSpan Elapsed, long? Rows)
{
    /// <summary>What the run changed in a table kept across runs ("12 opened, 3 closed, 1 retained"); null otherwise.</summary>
    public string? Detail { get; init; }
}

/// <summary>A model whose SQL failed; names the file and carries DuckDB's message.</summary>
public sealed class ModelExecutionException(SqlModel model, DuckDbException inner)
    : Exception($"Model {model.RelativePath} failed: {inner.Message}", inner)
{
    public SqlModel Model { get; } = model;
}

/// <summary>
/// Builds the models in catalog order on one connection. Table and view models are rebuilt by every run; incremental
/// (<see cref="IncrementalModel"/>) and history (<see cref="HistoryModel"/>) models keep their table across runs — the
/// warehouse file persists — and change only what the run brings. The caller owns the transaction: the pipeline runs
/// every model of a run inside one, so that a failing model leaves the warehouse as it was.
/// </summary>
public sealed class ModelRunner(ModelCatalog catalog)
{
    public IReadOnlyList<ModelResult> Run(DuckDbConnection connection, Action<ModelResult>? progress = null, CancellationToken cancellationToken = default)
    {
        var results = new List<ModelResult>(catalog.Models.Count);
        foreach (var model in catalog.Models)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = RunOne(connection, model);
            results.Add(result);
            progress?.Invoke(result);
        }

        return results;
    }

    public static ModelResult RunOne(DuckDbConnection connection, SqlModel model)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            switch (model.Materialization)
            {
                case Materialization.Incremental:
                {
                    var (rows, detail) = IncrementalModel.Run(connection, model);
                    return new ModelResult(model, watch.Elapsed, rows) { Detail = detail };
                }

                case Materialization.History:
                {
                    var (rows, detail) = HistoryModel.Run(connection, model);
                    return new ModelResult(model, watch.Elapsed, rows) { Detail = detail };
                }
            }

            using var command = connection.CreateCommand();
            command.CommandText = Statement(model);
            command.ExecuteNonQuery();
            long? tableRows = null;
            if (model.Materialization == Materialization.Table)
            {
                command.CommandText = $"SELECT count(*) FROM {model.Name}";
                tableRows = (long)command.ExecuteScalar()!;
            }

            return new ModelResult(model, watch.Elapsed, tableRows);
        }
        catch (DuckDbException e)
        {
            throw new ModelExecutionException(model, e);
        }
    }

    /// <summary>
    /// The SQL the runner executes for a table, view or script model (model names are checked to be plain identifiers).
    /// Incremental and history models run several statements around <see cref="Body"/>.
    /// </summary>
    public static string Statement(SqlModel model) => model.Materialization switch
    {
        Materialization.Table => $"CREATE OR REPLACE TABLE {model.Name} AS\n{Body(model)}\n",
        Materialization.View => $"CREATE OR REPLACE VIEW {model.Name} AS\n{Body(model)}\n",
        _ => model.Sql,
    };

    /// <summary>The model's SELECT without a trailing semicolon.</summary>
    internal static string Body(SqlModel model)
    {
        var body = model.Sql.TrimEnd();
        while (body.EndsWith(';'))
        {
            body = body[..^1].TrimEnd();
        }

        return body;
    }
}
