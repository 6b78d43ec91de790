using C2C.Analytics.Warehouse.Models;

namespace C2C.Analytics.Warehouse.Tests.Models;

public sealed class ModelCatalogTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "c2c-models-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relativePath, string sql)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, sql);
    }

    [Fact]
    public void Models_run_after_every_model_they_read_and_ties_break_by_layer_then_name()
    {
        Write("marts/mart_pipeline.sql", "SELECT * FROM fct_stage JOIN dim_owner USING (owner_id)");
        Write("core/fct_stage.sql", "SELECT * FROM stg_tracker__rows");
        Write("core/dim_owner.sql", "SELECT * FROM stg_tracker__rows");
        Write("staging/stg_tracker__rows.sql", "SELECT 1 AS owner_id");
        Write("staging/stg_crm__opps.sql", "SELECT 2 AS x");

        var catalog = ModelCatalog.Load(_root);

        Assert.Equal(
            ["stg_crm__opps", "stg_tracker__rows", "dim_owner", "fct_stage", "mart_pipeline"],
            catalog.Models.Select(m => m.Name));
        Assert.Equal(["dim_owner", "fct_stage"], catalog.Find("mart_pipeline")!.Dependencies);
        Assert.Equal(["dim_owner", "fct_stage"], catalog.ReadersOf("stg_tracker__rows").Select(m => m.Name));
    }

    [Fact]
    public void Names_in_comments_and_string_literals_are_not_dependencies_but_declared_ones_are()
    {
        Write("staging/stg_a.sql", "SELECT 1 AS x");
        Write("staging/stg_b.sql", "SELECT 2 AS x");
        Write("core/dim_c.sql", "-- Grain: one row.\n-- depends: stg_b\n-- stg_a is mentioned here only\nSELECT 'stg_a' AS label /* stg_a */");

        var model = ModelCatalog.Load(_root).Find("dim_c")!;

        Assert.Equal(["stg_b"], model.Dependencies);
        Assert.Equal("Grain: one row. stg_a is mentioned here only", model.Description);
    }

    [Fact]
    public void A_cycle_is_reported_with_the_models_in_it()
    {
        Write("core/dim_a.sql", "SELECT * FROM dim_b");
        Write("core/dim_b.sql", "SELECT * FROM dim_a");
        Write("staging/stg_ok.sql", "SELECT 1");

        var error = Assert.Throws<ModelCatalogException>(() => ModelCatalog.Load(_root));
        Assert.Contains("cycle: dim_a, dim_b", error.Message);
    }

    [Fact]
    public void An_unknown_declared_dependency_a_bad_layer_and_a_bad_name_are_refused()
    {
        Write("core/dim_a.sql", "-- depends: stg_missing\nSELECT 1");
        Assert.Contains("depends on 'stg_missing'", Assert.Throws<ModelCatalogException>(() => ModelCatalog.Load(_root)).Message);

        File.Delete(Path.Combine(_root, "core/dim_a.sql"));
        Write("reports/dim_a.sql", "SELECT 1");
        Assert.Contains("reports/dim_a.sql", Assert.Throws<ModelCatalogException>(() => ModelCatalog.Load(_root)).Message);

        File.Delete(Path.Combine(_root, "reports/dim_a.sql"));
        Write("core/Dim-A.sql", "SELECT 1");
        Assert.Contains("not a valid table name", Assert.Throws<ModelCatalogException>(() => ModelCatalog.Load(_root)).Message);
    }

    [Fact]
    public void The_materialization_header_chooses_table_view_or_script()
    {
        Write("core/dim_t.sql", "SELECT 1 AS x;");
        Write("core/dim_v.sql", "-- materialized: view\nSELECT 1 AS x");
        Write("core/fct_s.sql", "-- materialized: script\nINSERT INTO somewhere SELECT 1;");
        var catalog = ModelCatalog.Load(_root);

        Assert.Equal("CREATE OR REPLACE TABLE dim_t AS\nSELECT 1 AS x\n", ModelRunner.Statement(catalog.Find("dim_t")!));
        Assert.StartsWith("CREATE OR REPLACE VIEW dim_v AS", ModelRunner.Statement(catalog.Find("dim_v")!));
        Assert.Equal(catalog.Find("fct_s")!.Sql, ModelRunner.Statement(catalog.Find("fct_s")!));
    }
}
