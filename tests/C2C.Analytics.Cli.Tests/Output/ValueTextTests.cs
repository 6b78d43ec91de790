using C2C.Analytics.Cli.Output;
using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Cli.Tests.Output;

public sealed class ValueTextTests
{
    [Theory]
    [InlineData(14, 3, 14_706_500_000L, "P1Y2M3DT4H5M6.5S")] // 4 h 5 min 6.5 s = 14,706.5 s
    [InlineData(0, 0, 0L, "PT0S")]
    [InlineData(0, -1, 0L, "P-1D")]
    [InlineData(0, 0, 5_400_000_000L, "PT1H30M")]
    [InlineData(0, 0, 1L, "PT0.000001S")]
    [InlineData(12, 0, 0L, "P1Y")]
    public void Intervals_are_iso_8601_durations(int months, int days, long micros, string expected)
    {
        Assert.Equal(expected, ValueText.Format(new DuckDbInterval(months, days, micros)));
    }

    [Fact]
    public void Timestamps_drop_trailing_zero_fractions_and_mark_utc_with_z()
    {
        Assert.Equal("2024-03-01T12:30:00", ValueText.Format(new DateTime(2024, 3, 1, 12, 30, 0, DateTimeKind.Unspecified)));
        Assert.Equal("2024-03-01T12:30:00.000001Z",
            ValueText.Format(new DateTime(2024, 3, 1, 12, 30, 0, DateTimeKind.Utc).AddTicks(TimeSpan.TicksPerMicrosecond)));
    }

    [Fact]
    public void Uuids_are_lower_case_with_hyphens()
    {
        Assert.Equal("6f1c2f38-5a1a-4a5e-9f0b-6a4f9b2b2c11", ValueText.Format(Guid.Parse("6F1C2F38-5A1A-4A5E-9F0B-6A4F9B2B2C11")));
    }

    [Theory]
    [InlineData(typeof(int), true)]
    [InlineData(typeof(ulong), true)]
    [InlineData(typeof(Int128), true)]
    [InlineData(typeof(decimal), true)]
    [InlineData(typeof(double), true)]
    [InlineData(typeof(string), false)]
    [InlineData(typeof(DateOnly), false)]
    [InlineData(typeof(bool), false)]
    public void Numeric_types_are_the_integer_floating_point_and_decimal_ones(Type type, bool numeric)
    {
        Assert.Equal(numeric, ValueText.IsNumeric(type));
    }
}
