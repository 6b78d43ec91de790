using C2C.Analytics.SqlServer.Load;

namespace C2C.Analytics.SqlServer.Tests.Load;

public sealed class SnapshotWindowTests
{
    private static readonly DateTime June28 = new(2025, 6, 28);
    private static readonly DateTime June29 = new(2025, 6, 29);
    private static readonly DateTime June30 = new(2025, 6, 30);
    private static readonly DateTime July1 = new(2025, 7, 1);

    private static DateCount[] Counts(params (DateTime Day, long Rows)[] counts) => counts.Select(c => new DateCount(c.Day, c.Rows)).ToArray();

    [Fact]
    public void An_empty_server_table_is_loaded_whole() =>
        Assert.Null(SnapshotWindow.Start(Counts((June28, 2)), []));

    [Fact]
    public void A_new_night_reloads_the_servers_last_date_and_adds_the_new_one()
    {
        var warehouse = Counts((June28, 2), (June29, 3), (July1, 4));
        var start = SnapshotWindow.Start(warehouse, Counts((June28, 2), (June29, 3)));

        Assert.Equal(June29, start);
        Assert.Equal(7, SnapshotWindow.RowsFrom(warehouse, start!.Value)); // 3 + 4
    }

    [Fact]
    public void An_earlier_date_whose_count_differs_moves_the_start_back_to_it() =>
        Assert.Equal(June28, SnapshotWindow.Start(
            Counts((June28, 5), (June29, 3), (June30, 3)),
            Counts((June28, 2), (June29, 3), (June30, 3))));

    [Fact]
    public void A_date_on_only_one_side_counts_as_differing()
    {
        // June 29 is on the server but no longer in the warehouse (history rewritten).
        Assert.Equal(June29, SnapshotWindow.Start(Counts((June28, 2), (June30, 3)), Counts((June28, 2), (June29, 3), (June30, 3))));
        // June 28 is in the warehouse but was never published (a backfill).
        Assert.Equal(June28, SnapshotWindow.Start(Counts((June28, 2), (June29, 3)), Counts((June29, 3))));
    }
}
