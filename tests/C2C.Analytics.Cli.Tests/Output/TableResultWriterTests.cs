using C2C.Analytics.Cli.Output;
using C2C.Analytics.Cli.Tests.Support;

namespace C2C.Analytics.Cli.Tests.Output;

public sealed class TableResultWriterTests
{
    private static string Table(string sql, int rowLimit = TableResultWriter.DefaultRowLimit) =>
        Query.Render(output => new TableResultWriter(output, rowLimit: rowLimit), sql);

    [Fact]
    public void A_single_value_is_framed_under_its_column_name_and_counted()
    {
        var lines = Table("select 42 as answer").Split('\n');

        // "answer" is six wide, so 42 sits right-aligned in six columns, with one space of padding on either side.
        Assert.Equal(
            ["╭────────╮", "│ answer │", "├────────┤", "│     42 │", "╰────────╯", "(1 row)", ""],
            lines);
    }

    [Fact]
    public void Numbers_are_right_aligned_and_text_left_aligned()
    {
        var table = Table("select * from (values (1, 'a'), (1000, 'bbbb')) t(n, s) order by n");

        Assert.Contains("│    1 │ a    │", table);
        Assert.Contains("│ 1000 │ bbbb │", table);
    }

    [Fact]
    public void Null_is_shown_as_null()
    {
        Assert.Contains("│ NULL │ v │", Table("select NULL::integer as n, 'v' as s"));
    }

    [Fact]
    public void Text_that_looks_like_markup_is_printed_as_it_is()
    {
        var table = Table("select '[bold]x[/] [[y]]' as \"[red]h[/]\"");

        Assert.Contains("[bold]x[/] [[y]]", table);
        Assert.Contains("[red]h[/]", table);
    }

    [Fact]
    public void Control_characters_are_shown_as_symbols_and_do_not_reach_the_terminal()
    {
        var table = Table("select chr(27) || '[31mred' || chr(9) || 'tab' as s");

        Assert.Contains("␛[31mred␉tab", table);
        Assert.DoesNotContain('\u001b', table);
    }

    [Fact]
    public void Non_ascii_text_and_exact_decimals_are_shown_as_they_are()
    {
        var table = Table("select 'Grüße 東京' as s, 12345678901234.56::decimal(18,2) as amount, date '2024-02-29' as d");

        Assert.Contains("Grüße 東京", table);
        Assert.Contains("12345678901234.56", table);
        Assert.Contains("2024-02-29", table);
    }

    [Fact]
    public void Rows_past_the_limit_are_counted_not_shown()
    {
        var table = Table("select range as i from range(10)", rowLimit: 3);

        Assert.Contains("│ 0 │", table);
        Assert.Contains("│ 2 │", table);
        Assert.DoesNotContain("│ 3 │", table);
        Assert.Contains("… 7 more rows not shown; use --format csv\n", table);
        Assert.EndsWith("(10 rows)\n", table);
    }

    [Fact]
    public void A_result_without_rows_shows_its_columns_and_zero_rows()
    {
        var table = Table("select 1 as a where false");

        Assert.Contains("│ a │", table);
        Assert.EndsWith("(0 rows)\n", table);
    }

    [Theory]
    [InlineData(-1, "OK\n")]
    [InlineData(0, "OK (0 rows changed)\n")]
    [InlineData(1, "OK (1 row changed)\n")]
    [InlineData(1234, "OK (1,234 rows changed)\n")]
    public void A_status_says_ok_and_how_many_rows_changed(int rowsChanged, string expected)
    {
        var output = new StringWriter { NewLine = "\n" };

        new TableResultWriter(output).WriteStatus(rowsChanged);

        Assert.Equal(expected, output.ToString());
    }
}
