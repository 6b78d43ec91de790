using C2C.Analytics.DuckDb;
using C2C.Analytics.Warehouse.Models;
using C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

namespace C2C.Analytics.Warehouse.Tests.Models;

/// <summary>
/// The incremental materialization on a tiny snapshot: <c>fct_snap</c> copies <c>stg_numbers</c> under the run's date
/// and replaces only the rows of that date.
/// </summary>
public sealed class IncrementalModelTests : IDisposable
{
    private const string SnapshotSql = """
        -- materialized: incremental
        -- replace_where: snap_date = (SELECT as_of FROM cfg_run)
        SELECT (SELECT as_of FROM cfg_run) AS snap_date, x FROM stg_numbers;
        """;

    private readonly DuckDbConnection _connection = new("Data Source=:memory:");

    public IncrementalModelTests()
    {
        _connection.Open();
        _connection.Run("CREATE TABLE cfg_run (as_of DATE); CREATE TABLE stg_numbers (x INTEGER)");
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void Each_date_is_appended_once_and_a_second_run_on_a_date_replaces_its_rows()
    {
        var monday = Run("2025-06-02", [1, 2], SnapshotSql);
        Assert.Equal((2L, "2 written, 0 replaced"), (monday.Rows, monday.Detail));

        var again = Run("2025-06-02", [1, 2, 3], SnapshotSql);
        Assert.Equal((3L, "3 written, 2 replaced"), (again.Rows, again.Detail));

        var tuesday = Run("2025-06-03", [7], SnapshotSql);
        Assert.Equal((4L, "1 written, 0 replaced"), (tuesday.Rows, tuesday.Detail));
        Assert.Equal(["2025-06-02 | 1", "2025-06-02 | 2", "2025-06-02 | 3", "2025-06-03 | 7"],
            _connection.Lines("SELECT snap_date, x FROM fct_snap ORDER BY ALL"));
    }

    [Fact]
    public void A_column_the_model_gains_is_added_to_the_kept_table_empty_in_the_rows_already_there()
    {
        Run("2025-06-02", [1], SnapshotSql);

        Run("2025-06-03", [2], SnapshotSql.Replace("x FROM", "x, x * 10 AS tenfold FROM", StringComparison.Ordinal));

        Assert.Equal(["2025-06-02 | 1 | NULL", "2025-06-03 | 2 | 20"], _connection.Lines("SELECT snap_date, x, tenfold FROM fct_snap ORDER BY ALL"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Rows_the_replace_where_does_not_select_are_refused_since_no_later_run_would_replace_them(bool tableExists)
    {
        if (tableExists)
        {
            Run("2025-06-02", [1], SnapshotSql);
        }

        // The model writes yesterday's date: the next run, which replaces today's rows, would leave these behind.
        var wrongDate = SnapshotSql.Replace("(SELECT as_of FROM cfg_run) AS snap_date", "(SELECT as_of - 1 FROM cfg_run) AS snap_date", StringComparison.Ordinal);

        var error = Assert.Throws<ModelRefusedException>(() => Run("2025-06-03", [5, 6], wrongDate));

        Assert.Contains("core/fct_snap.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 of the 2 rows it selects are not rows its replace_where (snap_date = (SELECT as_of FROM cfg_run)) selects", error.Message, StringComparison.Ordinal);
    }

    private ModelResult Run(string asOf, int[] numbers, string sql)
    {
        _connection.Run("DELETE FROM cfg_run; DELETE FROM stg_numbers");
        _connection.Run($"INSERT INTO cfg_run VALUES (DATE '{asOf}')");
        foreach (var n in numbers)
        {
            _connection.Run("INSERT INTO stg_numbers VALUES ($n)", ("n", n));
        }

        var header = ModelHeaderParser.Parse("core/fct_snap.sql", sql);
        var model = new SqlModel("fct_snap", "core", "core/fct_snap.sql", sql, header.Materialization, [], null) { ReplaceWhere = header.ReplaceWhere };
        return ModelRunner.RunOne(_connection, model);
    }
}
