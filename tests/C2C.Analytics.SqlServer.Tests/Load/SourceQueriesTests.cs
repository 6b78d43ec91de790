using C2C.Analytics.SqlServer.Load;
using C2C.Analytics.SqlServer.Schema;

namespace C2C.Analytics.SqlServer.Tests.Load;

public sealed class SourceQueriesTests
{
    private static readonly TargetTable Snapshot = new("fct_s",
    [
        new TargetColumn("snapshot_date", SqlServerType.Date, true, "\"snapshot_date\"", ValueConversion.DateOnlyToDateTime),
        new TargetColumn("total", SqlServerType.Decimal(38, 0), true, "CAST(\"total\" AS DECIMAL(38,0))", ValueConversion.None),
    ], [], true, "snapshot_date", 3);

    [Fact]
    public void The_rows_query_selects_each_mapped_expression_under_its_quoted_name() =>
        Assert.Equal("SELECT \"snapshot_date\" AS \"snapshot_date\", CAST(\"total\" AS DECIMAL(38,0)) AS \"total\" FROM \"fct_s\"", SourceQueries.Rows(Snapshot, false));

    [Fact]
    public void A_snapshot_window_is_a_parameter_on_the_date_column() =>
        Assert.EndsWith("FROM \"fct_s\" WHERE \"snapshot_date\" >= $from", SourceQueries.Rows(Snapshot, true), StringComparison.Ordinal);

    [Fact]
    public void Only_a_snapshot_table_has_a_window() =>
        Assert.Throws<InvalidOperationException>(() => SourceQueries.Rows(Snapshot with { SnapshotDateColumn = null }, true));
}
