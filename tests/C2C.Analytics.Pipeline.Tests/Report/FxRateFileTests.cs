using C2C.Analytics.Pipeline.Report;

namespace C2C.Analytics.Pipeline.Tests.Report;

public sealed class FxRateFileTests
{
    [Fact]
    public void Reads_dated_rates_in_any_column_order_and_drops_the_reporting_currency()
    {
        var rates = FxRateFile.Parse("rates.csv", ["# month-end rates", "currency,rate,date", "eur,1.10,2025-01-01", "", "EUR,1.2,2025-09-01", "USD,1,2025-01-01"], "USD");

        Assert.Equal([new FxRate(new DateOnly(2025, 1, 1), "EUR", 1.10m), new FxRate(new DateOnly(2025, 9, 1), "EUR", 1.2m)], rates);
    }

    [Fact]
    public void Lists_every_bad_row_with_its_line_and_field()
    {
        var error = Assert.Throws<FxRateFileException>(() => FxRateFile.Parse("rates.csv",
        [
            "date,currency,rate",
            "2025-13-01,EUR,1.1",   // line 2: no such month
            "2025-01-01,EURO,1.1",  // line 3: not a code
            "2025-01-01,GBP,-2",    // line 4: negative
            "2025-01-01,USD,0.9",   // line 5: the reporting currency is 1
            "2025-01-01,GBP,1.25",
            "2025-01-01,GBP,1.26",  // line 7: duplicate
            "2025-01-01,GBP",       // line 8: a field short
        ], "USD"));

        Assert.Equal(
            [(2, "date"), (3, "currency"), (4, "rate"), (5, "rate"), (7, "date"), (8, null)],
            error.Errors.Select(e => (e.Line, e.Field)).ToList());
        Assert.Contains("rates.csv:2: date: '2025-13-01' is not a date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_the_three_columns_is_refused()
    {
        var error = Assert.Throws<FxRateFileException>(() => FxRateFile.Parse("rates.csv", ["day,code,value", "2025-01-01,EUR,1.1"], "USD"));

        Assert.Equal(1, Assert.Single(error.Errors).Line);
    }
}
