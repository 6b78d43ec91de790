using C2C.Analytics.Warehouse.Models;

namespace C2C.Analytics.Warehouse.Tests.Models;

/// <summary>The header directives of models that keep their table across runs: incremental and history.</summary>
public sealed class ModelHeaderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "c2c-model-headers-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void An_incremental_header_gives_the_predicate_of_the_rows_a_run_replaces()
    {
        var header = ModelHeaderParser.Parse("core/fct_s.sql", """
            -- Grain: one row per day.
            -- materialized: incremental
            -- replace_where: snapshot_date = (SELECT as_of FROM cfg_run)
            SELECT 1
            """);

        Assert.Equal(Materialization.Incremental, header.Materialization);
        Assert.Equal("snapshot_date = (SELECT as_of FROM cfg_run)", header.ReplaceWhere);
        Assert.Equal("Grain: one row per day.", header.Description);
        Assert.Null(header.History);
    }

    [Fact]
    public void A_history_header_adds_up_repeated_tracked_lines_and_continues_a_directive_on_indented_lines()
    {
        var header = ModelHeaderParser.Parse("core/dim_e.sql", """
            -- Grain: one engagement per version.
            -- materialized: history
            -- unique_key: deal_id
            -- version_key: engagement_version_key
            -- as_of: (SELECT as_of FROM cfg_run)
            -- tracked: name, amount
            -- tracked: owner_id
            -- retain_when: EXISTS (
            --     SELECT 1 FROM int_rows_rejected AS r
            --     WHERE r.deal_id = current_version.deal_id)
            -- A line of text again, not indented: description.
            SELECT 1
            """);

        Assert.Equal(Materialization.History, header.Materialization);
        var history = header.History!;
        Assert.Equal(("deal_id", "engagement_version_key", "(SELECT as_of FROM cfg_run)"), (history.UniqueKey, history.VersionKey, history.AsOf));
        Assert.Equal(["name", "amount", "owner_id"], history.Tracked);
        Assert.Equal("EXISTS ( SELECT 1 FROM int_rows_rejected AS r WHERE r.deal_id = current_version.deal_id)", history.RetainWhen);
        Assert.Equal("Grain: one engagement per version. A line of text again, not indented: description.", header.Description);
    }

    [Theory]
    [InlineData("-- materialized: incremental\nSELECT 1", "needs a '-- replace_where:'")]
    [InlineData("-- replace_where: d = 1\nSELECT 1", "applies only to '-- materialized: incremental'")]
    [InlineData("-- unique_key: id\nSELECT 1", "'-- unique_key:' applies only to '-- materialized: history'")]
    [InlineData("-- materialized: history\n-- unique_key: id\n-- as_of: DATE '2025-01-01'\n-- tracked: a\nSELECT 1", "needs '-- version_key:'")]
    [InlineData("-- materialized: history\n-- unique_key: id\n-- version_key: k\n-- as_of: DATE '2025-01-01'\nSELECT 1", "needs '-- tracked:'")]
    [InlineData("-- materialized: history\n-- unique_key: id\n-- version_key: k\n-- as_of: x\n-- as_of: y\n-- tracked: a\nSELECT 1", "'-- as_of:' is given 2 times")]
    [InlineData("-- materialized: history\n-- unique_key: id\n-- version_key: k\n-- as_of: x\n-- tracked: a, valid_from\nSELECT 1", "'valid_from' cannot be tracked")]
    [InlineData("-- materialized: history\n-- unique_key: id\n-- version_key: is_current\n-- as_of: x\n-- tracked: a\nSELECT 1", "version_key 'is_current'")]
    [InlineData("-- materialized: history\n-- unique_key: Deal Id\n-- version_key: k\n-- as_of: x\n-- tracked: a\nSELECT 1", "'Deal Id', which is not a column name")]
    public void A_header_that_cannot_be_run_is_refused_naming_the_file_and_the_directive(string sql, string expected)
    {
        var error = Assert.Throws<ModelCatalogException>(() => ModelHeaderParser.Parse("core/dim_x.sql", sql));

        Assert.StartsWith("core/dim_x.sql: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_named_only_in_a_header_predicate_is_a_dependency()
    {
        Directory.CreateDirectory(Path.Combine(_root, "staging"));
        Directory.CreateDirectory(Path.Combine(_root, "core"));
        File.WriteAllText(Path.Combine(_root, "staging", "stg_rejected.sql"), "SELECT 1 AS id");
        File.WriteAllText(Path.Combine(_root, "core", "dim_e.sql"), """
            -- materialized: history
            -- unique_key: id
            -- version_key: e_key
            -- as_of: DATE '2025-01-01'
            -- tracked: id
            -- retain_when: current_version.id IN (SELECT id FROM stg_rejected)
            SELECT 2 AS id
            """);

        var catalog = ModelCatalog.Load(_root);

        Assert.Equal(["stg_rejected"], catalog.Find("dim_e")!.Dependencies);
        Assert.Equal(["stg_rejected", "dim_e"], catalog.Models.Select(m => m.Name));
    }
}
