using C2C.Analytics.DuckDb;
using C2C.Analytics.Warehouse.Models;
using Dapper;

namespace C2C.Analytics.Warehouse.Tests.Models;

public class ModelRunnerTests
{
    private static SqlModel Model(string name, string layer, string sql) =>
        new(name, layer, $"{layer}/{name}.sql", sql, Materialization.Table, [], null);

    [Fact]
    public void Runs_models_in_order_and_reports_row_counts()
    {
        using var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        var catalog = ModelCatalog.FromModels(
        [
            Model("dim_doubled", "core", "SELECT x * 2 AS y FROM stg_numbers"),
            Model("stg_numbers", "staging", "SELECT range AS x FROM range(5)"),
        ]);

        var results = new ModelRunner(catalog).Run(connection);

        Assert.Equal(["stg_numbers", "dim_doubled"], results.Select(r => r.Model.Name));
        Assert.Equal([5L, 5L], results.Select(r => r.Rows));
        // DuckDB sums BIGINT into HUGEINT (Int128), which Dapper cannot convert: the SQL casts it.
        Assert.Equal(20L, connection.ExecuteScalar<long>("SELECT sum(y)::BIGINT FROM dim_doubled")); // 2 × (0+1+2+3+4)
    }

    [Fact]
    public void A_failing_model_inside_the_run_transaction_leaves_every_table_as_it_was()
    {
        using var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        connection.Execute("CREATE TABLE stg_numbers AS SELECT 42 AS x");
        var catalog = ModelCatalog.FromModels(
        [
            Model("stg_numbers", "staging", "SELECT range AS x FROM range(3)"),
            Model("dim_new", "core", "SELECT x FROM stg_numbers"),
            Model("fct_broken", "core", "SELECT no_such_column FROM dim_new"),
        ]);

        var error = Assert.Throws<ModelExecutionException>(() =>
        {
            using var transaction = connection.BeginTransaction();
            new ModelRunner(catalog).Run(connection);
            transaction.Commit();
        });

        Assert.Equal("fct_broken", error.Model.Name);
        Assert.Contains("core/fct_broken.sql", error.Message);
        Assert.Contains("no_such_column", error.Message);
        Assert.Equal(42, connection.ExecuteScalar<int>("SELECT x FROM stg_numbers")); // the old table, unchanged
        Assert.Equal(0L, connection.ExecuteScalar<long>("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'dim_new'"));
    }
}
