using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Pipeline.Run;

/// <summary>A configured tracker column that a sheet does not have: the run stops, naming sheet and column.</summary>
public sealed class MissingTrackerColumnException(IReadOnlyList<(string Sheet, string Column)> missing)
    : Exception("The tracker is missing configured columns: " +
        string.Join("; ", missing.Select(m => $"sheet '{m.Sheet}' has no column '{m.Column}'")) +
        ". Add the column to the sheet, or change its title under Tracker:Columns / Tracker:Stages.")
{
    public IReadOnlyList<(string Sheet, string Column)> Missing { get; } = missing;
}

internal static class MissingColumns
{
    public static void ThrowIfAny(DuckDbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sheet_name, title FROM int_missing_tracker_columns ORDER BY sheet_name, title";
        var missing = new List<(string, string)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                missing.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        if (missing.Count > 0)
        {
            throw new MissingTrackerColumnException(missing);
        }
    }
}
