using System.Security.Cryptography;
using System.Text;
using C2C.Analytics.DuckDb;
using C2C.Analytics.Warehouse.Models;
using C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

namespace C2C.Analytics.Warehouse.Tests.Models;

/// <summary>
/// The history materialization on a tiny dimension: <c>dim_person</c> keeps people (id) with a tracked name and amount
/// and an untracked desk, from <c>stg_people</c>; a person listed in <c>stg_held</c> is kept open when missing.
/// (dim_engagement's own history is tested in ModelsSql/EngagementHistoryTests.)
/// </summary>
public sealed class HistoryModelTests : IDisposable
{
    private const string PersonSql = """
        -- materialized: history
        -- unique_key: id
        -- version_key: person_version_key
        -- as_of: (SELECT as_of FROM cfg_run)
        -- tracked: name, amount
        -- retain_when: current_version.id IN (SELECT id FROM stg_held)
        SELECT id, name, amount, desk FROM stg_people
        """;

    private readonly DuckDbConnection _connection = new("Data Source=:memory:");

    public HistoryModelTests()
    {
        _connection.Open();
        _connection.Run("""
            CREATE TABLE cfg_run (as_of DATE);
            CREATE TABLE stg_people (id INTEGER, name VARCHAR, amount DECIMAL(18,2), desk VARCHAR);
            CREATE TABLE stg_held (id INTEGER);
            """);
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void The_row_hash_is_the_md5_of_the_tracked_values_as_a_json_array_of_text()
    {
        Run("2025-06-02", "(1, 'Ann \"A\"', 12.5, 'north'), (2, NULL, 3, 'south'), (3, '', 3, 'south')");

        // Worked by hand: the tracked columns in header order, each as text (DECIMAL(18,2) keeps two decimals; NULL
        // stays null, distinct from ""), serialised as a JSON array, MD5 in lower-case hex. The desk is not in it.
        Assert.Equal(
            [
                $"1 | {Md5("""["Ann \"A\"","12.50"]""")}",
                $"2 | {Md5("""[null,"3.00"]""")}",
                $"3 | {Md5("""["","3.00"]""")}",
            ],
            _connection.Lines("SELECT id, row_hash FROM dim_person ORDER BY id"));
    }

    [Fact]
    public void Untracked_columns_change_in_place_tracked_ones_open_a_version_and_version_keys_follow_the_key_order()
    {
        var first = Run("2025-06-02", "(2, 'Bo', 5, 'north'), (1, 'Ann', 10, 'north')");
        Assert.Equal((2L, "2 opened, 0 closed, 0 retained"), (first.Rows, first.Detail));

        var second = Run("2025-06-03", "(2, 'Bo', 5, 'south'), (1, 'Ann', 11, 'north')");

        Assert.Equal((3L, "1 opened, 1 closed, 0 retained"), (second.Rows, second.Detail));
        Assert.Equal(
            [
                "1 | 1 | 10.00 | north | 2025-06-02 | 2025-06-03 | false",
                "3 | 1 | 11.00 | north | 2025-06-03 | NULL | true",
                // Bo moved desks: not tracked, so the same version, refreshed.
                "2 | 2 | 5.00 | south | 2025-06-02 | NULL | true",
            ],
            _connection.Lines("SELECT person_version_key, id, amount, desk, valid_from, valid_to, is_current FROM dim_person ORDER BY id, valid_from"));
    }

    [Fact]
    public void A_missing_key_is_closed_unless_retain_when_holds_for_its_current_version()
    {
        Run("2025-06-02", "(1, 'Ann', 10, 'n'), (2, 'Bo', 5, 'n'), (3, 'Cy', 7, 'n')");
        _connection.Run("INSERT INTO stg_held VALUES (3)");

        var result = Run("2025-06-03", "(1, 'Ann', 10, 'n')");

        Assert.Equal("0 opened, 1 closed, 1 retained", result.Detail);
        Assert.Equal(
            ["1 | NULL | true | true", "2 | 2025-06-03 | false | false", "3 | NULL | true | false"],
            _connection.Lines("SELECT id, valid_to, is_current, is_loaded FROM dim_person ORDER BY id"));
    }

    [Theory]
    [InlineData("(1, 'Ann', 10, 'n'), (1, 'Ann again', 10, 'n')", "its SELECT has id '1' 2 times")]
    [InlineData("(NULL, 'Nobody', 10, 'n')", "its SELECT has rows without a id")]
    public void A_select_with_a_key_twice_or_without_one_is_refused(string people, string expected)
    {
        var error = Assert.Throws<ModelRefusedException>(() => Run("2025-06-02", people));

        Assert.Contains("core/dim_person.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_select_with_a_column_the_runner_adds_is_refused()
    {
        var error = Assert.Throws<ModelRefusedException>(() =>
            Run("2025-06-02", "(1, 'Ann', 10, 'n')", PersonSql.Replace("desk FROM", "desk, true AS is_current FROM", StringComparison.Ordinal)));

        Assert.Contains("a column 'is_current', which the history runner adds itself", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_built_before_the_model_kept_history_is_replaced_and_a_column_the_model_gains_is_added()
    {
        // What a warehouse holds from before: the dimension rebuilt every run, without the history columns.
        _connection.Run("CREATE TABLE dim_person AS SELECT 1 AS id, 'Old' AS name");
        Run("2025-06-02", "(1, 'Ann', 10, 'n')");
        Assert.Equal(["1 | 1 | Ann | 2025-06-02 | true"], _connection.Lines("SELECT person_version_key, id, name, valid_from, is_current FROM dim_person"));

        Run("2025-06-03", "(1, 'Ann', 10, 'n')", PersonSql.Replace("desk FROM", "desk, 'x' || id AS badge FROM", StringComparison.Ordinal));

        Assert.Equal(["1 | Ann | x1 | 2025-06-02"], _connection.Lines("SELECT id, name, badge, valid_from FROM dim_person"));
    }

    private ModelResult Run(string asOf, string people, string sql = PersonSql)
    {
        _connection.Run("DELETE FROM cfg_run; DELETE FROM stg_people");
        _connection.Run($"INSERT INTO cfg_run VALUES (DATE '{asOf}'); INSERT INTO stg_people VALUES {people}");
        var header = ModelHeaderParser.Parse("core/dim_person.sql", sql);
        var model = new SqlModel("dim_person", "core", "core/dim_person.sql", sql, header.Materialization, [], null) { History = header.History };
        return ModelRunner.RunOne(_connection, model);
    }

    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
}
