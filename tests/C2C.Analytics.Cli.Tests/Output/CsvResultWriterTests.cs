using C2C.Analytics.Cli.Output;
using C2C.Analytics.Cli.Tests.Support;

namespace C2C.Analytics.Cli.Tests.Output;

public sealed class CsvResultWriterTests
{
    private static string Csv(string sql) => Query.Render(output => new CsvResultWriter(output), sql);

    [Fact]
    public void Fields_with_comma_quote_or_line_breaks_are_quoted_and_their_quotes_doubled()
    {
        var csv = Csv("""
            select 'a,b' as comma, 'say "hi"' as quote, 'x' || chr(10) || 'y' as lf, 'r' || chr(13) || 's' as cr, 'plain' as p
            """);

        Assert.Equal("comma,quote,lf,cr,p\n\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",\"r\rs\",plain\n", csv);
    }

    [Fact]
    public void Non_ascii_text_is_written_as_itself()
    {
        var csv = Csv("select 'Grüße' as \"Straße\", '東京' as city, 'naïve, café' as mixed, '😀' as emoji");

        Assert.Equal("Straße,city,mixed,emoji\nGrüße,東京,\"naïve, café\",😀\n", csv);
    }

    [Fact]
    public void Header_names_are_quoted_like_fields()
    {
        var csv = Csv("select 1 as \"a,b\", 2 as \"say \"\"x\"\"\"");

        Assert.Equal("\"a,b\",\"say \"\"x\"\"\"\n1,2\n", csv);
    }

    [Fact]
    public void Null_is_an_empty_field_and_an_empty_string_is_two_quotes()
    {
        var csv = Csv("select NULL::varchar as n, '' as e, NULL::integer as i, NULL::date as d, NULL::decimal(18,2) as m, 1 as one");

        Assert.Equal("n,e,i,d,m,one\n,\"\",,,,1\n", csv);
    }

    [Fact]
    public void Decimals_are_exact_and_keep_their_scale()
    {
        var csv = Csv("""
            select 12345678901234.56::decimal(18,2) as amount, 1.50::decimal(5,2) as scaled, -0.01::decimal(4,2) as negative,
                   12345678901234567890123456.78::decimal(38,2) as wide
            """);

        Assert.Equal("amount,scaled,negative,wide\n12345678901234.56,1.50,-0.01,12345678901234567890123456.78\n", csv);
    }

    [Fact]
    public void Dates_are_iso_and_timestamps_iso_8601_with_z_for_timestamptz()
    {
        var csv = Csv("""
            select date '2024-02-29' as d, timestamp '2024-03-01 12:30:00' as ts, timestamp '2024-03-01 12:30:00.123456' as fraction,
                   '2024-03-01 12:30:00+00'::timestamptz as tz, time '01:02:03.5' as t
            """);

        Assert.Equal("d,ts,fraction,tz,t\n2024-02-29,2024-03-01T12:30:00,2024-03-01T12:30:00.123456,2024-03-01T12:30:00Z,01:02:03.5\n", csv);
    }

    [Fact]
    public void Numbers_booleans_and_blobs_use_invariant_text()
    {
        var csv = Csv("""
            select 0.1::double as f, 1e300::double as big, 'nan'::double as nan, '-inf'::double as ninf, -7::tinyint as tiny,
                   170141183460469231731687303715884105727::hugeint as huge, true as yes, '\xDE\xAD'::blob as b
            """);

        Assert.Equal("f,big,nan,ninf,tiny,huge,yes,b\n0.1,1E+300,NaN,-Infinity,-7,170141183460469231731687303715884105727,true,\\xdead\n", csv);
    }

    [Fact]
    public void Every_row_of_a_result_spanning_several_chunks_is_written_in_order()
    {
        // DuckDB hands results over in chunks of 2,048 rows: 5,000 rows need three.
        var lines = Csv("select range as i from range(5000)").Split('\n');

        Assert.Equal(5002, lines.Length); // header, 5,000 rows, and the empty string after the final LF
        Assert.Equal("i", lines[0]);
        Assert.Equal("0", lines[1]);
        Assert.Equal("2048", lines[2049]);
        Assert.Equal("4999", lines[5000]);
        Assert.Equal(string.Empty, lines[5001]);
    }

    [Fact]
    public void A_result_without_rows_prints_the_header_only()
    {
        Assert.Equal("a,b\n", Csv("select 1 as a, 'x' as b where false"));
    }

    [Fact]
    public void Crlf_records_are_available_for_strict_rfc_4180_consumers()
    {
        var csv = Query.Render(output => new CsvResultWriter(output, newLine: "\r\n"), "select 1 as a");

        Assert.Equal("a\r\n1\r\n", csv);
    }

    [Fact]
    public void A_status_prints_nothing()
    {
        var output = new StringWriter();

        new CsvResultWriter(output).WriteStatus(3);

        Assert.Equal(string.Empty, output.ToString());
    }
}
