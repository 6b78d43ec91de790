using System.Globalization;
using System.Runtime.CompilerServices;
using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Benchmarks.Provider;

/// <summary>The timed bodies. Each is its own method so that the JIT optimises it as a whole (no closure in the loop).</summary>
internal static class Workloads
{
    /// <summary>The appender loop's own value generation, with nothing appended: the share of the appender time that is ours.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long GenerateOnly(long rows)
    {
        long checksum = 0;
        Span<int> bits = stackalloc int[4];
        for (long i = 0; i < rows; i++)
        {
            checksum += i;
            checksum += BenchmarkRows.Name(i).Length;
            checksum += BenchmarkRows.Day(i).DayNumber;
            decimal.GetBits(BenchmarkRows.Amount(i), bits);
            checksum += bits[0];
            checksum += (long)BenchmarkRows.Score(i);
        }

        return checksum;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Append(DuckDbConnection connection, long rows)
    {
        using var appender = connection.CreateAppender("t");
        for (long i = 0; i < rows; i++)
        {
            appender.CreateRow()
                .AppendValue(i)
                .AppendValue(BenchmarkRows.Name(i))
                .AppendValue(BenchmarkRows.Day(i))
                .AppendValue(BenchmarkRows.Amount(i))
                .AppendValue(BenchmarkRows.Score(i))
                .EndRow();
        }

        appender.Close();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void InsertFloor(DuckDbConnection connection, long rows)
    {
        using var command = connection.CreateCommand();
        command.CommandText = string.Format(CultureInfo.InvariantCulture, BenchmarkRows.InsertFloor, rows);
        var inserted = command.ExecuteNonQuery();
        if (inserted != rows)
        {
            throw new InvalidOperationException($"The floor inserted {inserted} rows, not {rows}.");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static TableSums Read(DuckDbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = BenchmarkRows.SelectAll;
        using var reader = command.ExecuteReader();
        long sumId = 0;
        long sumNameLength = 0;
        var maxDay = DateOnly.MinValue;
        decimal sumAmount = 0;
        double sumScore = 0;
        while (reader.Read())
        {
            sumId += reader.GetInt64(0);
            sumNameLength += reader.GetString(1).Length;
            var day = reader.GetFieldValue<DateOnly>(2);
            if (day > maxDay)
            {
                maxDay = day;
            }

            sumAmount += reader.GetDecimal(3);
            sumScore += reader.GetDouble(4);
        }

        return new TableSums(sumId, sumNameLength, maxDay, sumAmount, sumScore);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static TableSums AggregateFloor(DuckDbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = BenchmarkRows.AggregateFloor;
        using var reader = command.ExecuteReader();
        reader.Read();
        return new TableSums(
            reader.GetInt64(0), reader.GetInt64(1), reader.GetFieldValue<DateOnly>(2), reader.GetDecimal(3), reader.GetDouble(4));
    }
}
