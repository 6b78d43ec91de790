namespace C2C.Analytics.DuckDb.Tests;

public class SmokeTests
{
    [Fact]
    public void Select_42()
    {
        using var c = new DuckDbConnection("Data Source=:memory:");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select 42::BIGINT as answer, 'hello world, long string' as s, 1.25::DECIMAL(18,2) as d, DATE '2026-11-22' as dt";
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(42L, r.GetInt64(0));
        Assert.Equal("hello world, long string", r.GetString(1));
        Assert.Equal(1.25m, r.GetDecimal(2));
        Assert.Equal(new DateOnly(2026, 11, 22), r.GetFieldValue<DateOnly>(3));
        Assert.False(r.Read());
    }
}
