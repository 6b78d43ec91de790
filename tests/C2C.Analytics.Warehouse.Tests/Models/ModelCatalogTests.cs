using C2C.Analytics.Warehouse.Models;

namespace C2C.Analytics.Warehouse.Tests.Models;

public sealed class ModelCatalogTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "c2c-models-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

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

    [Fact]
    public void The_key_and_max_length_headers_declare_what_serving_targets_index_and_size()
    {
        Write("core/dim_e.sql", "-- Grain: one engagement.\n-- primary key: deal_id, valid_from\n-- max length: deal_id 18, currency 3\nSELECT 1 AS x");
        Write("core/dim_f.sql", "SELECT 1 AS x");
        var catalog = ModelCatalog.Load(_root);

        var declared = catalog.Find("dim_e")!;
        Assert.Equal(["deal_id", "valid_from"], declared.PrimaryKey);
        Assert.Equal(new Dictionary<string, int> { ["deal_id"] = 18, ["currency"] = 3 }, declared.MaxLengths);
        Assert.Equal("Grain: one engagement.", declared.Description);
        Assert.Empty(catalog.Find("dim_f")!.PrimaryKey);
        Assert.Empty(catalog.Find("dim_f")!.MaxLengths);
    }

    [Theory]
    [InlineData("-- max length: deal_id", "'max length: deal_id' must be a column name and a whole number")]
    [InlineData("-- max length: deal_id 0", "'max length: deal_id 0' must be a column name and a whole number")]
    [InlineData("-- max length: deal_id eighteen", "'max length: deal_id eighteen' must be")]
    [InlineData("-- max length: deal_id 18, deal_id 20", "the max length of 'deal_id' is declared twice")]
    public void A_max_length_that_is_not_a_column_and_a_positive_length_names_the_file(string header, string message)
    {
        Write("core/dim_e.sql", header + "\nSELECT 1 AS x");

        var error = Assert.Throws<ModelCatalogException>(() => ModelCatalog.Load(_root));

        Assert.StartsWith("core/dim_e.sql: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_models_declare_the_keys_of_their_dimensions()
    {
        var catalog = ModelCatalog.Load(ModelCatalog.DefaultDirectory);

        // dim_engagement keeps history: one row per version, keyed by its version key.
        Assert.Equal(["engagement_version_key"], catalog.Find("dim_engagement")!.PrimaryKey);
        Assert.Equal(["owner_id"], catalog.Find("dim_owner")!.PrimaryKey);
        Assert.Equal(["stage_key"], catalog.Find("dim_stage")!.PrimaryKey);
        // deal_id is the 18-character Salesforce ID; owner_id the 32 hex digits of an MD5 (owner_key).
        Assert.Equal(18, catalog.Find("dim_engagement")!.MaxLengths["deal_id"]);
        Assert.Equal(32, catalog.Find("dim_owner")!.MaxLengths["owner_id"]);
    }
}
