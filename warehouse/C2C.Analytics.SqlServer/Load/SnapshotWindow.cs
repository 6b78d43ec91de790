namespace C2C.Analytics.SqlServer.Load;

/// <summary>Rows of a snapshot table on one date.</summary>
public sealed class DateCount
{
    public DateCount()
    {
    }

    public DateCount(DateTime day, long rows)
    {
        Day = day;
        Rows = rows;
    }

    public DateTime Day { get; set; }

    public long Rows { get; set; }
}

/// <summary>
/// Which dates of a snapshot table to load. The server's copy is kept up to its last date; that date and every later
/// one are loaded again (a run for the same date may have replaced its rows), and so is every earlier date whose row
/// count differs between the warehouse and the server (history rewritten, a date missing on either side). The
/// result is the first date to load: the server's rows from it on are deleted and the warehouse's inserted.
/// </summary>
public static class SnapshotWindow
{
    /// <returns>The first date to load, or null when the server has no rows (load the whole table).</returns>
    public static DateTime? Start(IReadOnlyList<DateCount> warehouse, IReadOnlyList<DateCount> server)
    {
        if (server.Count == 0)
        {
            return null;
        }

        var start = server.Max(d => d.Day);
        var onServer = server.ToDictionary(d => d.Day, d => d.Rows);
        var inWarehouse = warehouse.ToDictionary(d => d.Day, d => d.Rows);
        foreach (var day in onServer.Keys.Union(inWarehouse.Keys))
        {
            if (day < start && onServer.GetValueOrDefault(day) != inWarehouse.GetValueOrDefault(day))
            {
                start = day;
            }
        }

        return start;
    }

    /// <summary>The warehouse's rows from <paramref name="start"/> on: what the load copies.</summary>
    public static long RowsFrom(IReadOnlyList<DateCount> warehouse, DateTime start) => warehouse.Where(d => d.Day >= start).Sum(d => d.Rows);
}
