using System.Text.Json;
using C2C.Analytics.Cli.Output;
using C2C.Analytics.Cli.Tests.Support;

namespace C2C.Analytics.Cli.Tests.Output;

public sealed class JsonLinesResultWriterTests
{
    private static string Json(string sql) => Query.Render(output => new JsonLinesResultWriter(output), sql);

    private static JsonElement[] Rows(string sql) =>
        Json(sql).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToArray();

    [Fact]
    public void Each_row_parses_back_to_the_values_that_went_in()
    {
        var row = Assert.Single(Rows("""
            select 42 as n, 12345678901234.56::decimal(18,2) as amount, 'say "hi"' || chr(10) || 'Grüße 東京' as text,
                   date '2024-02-29' as d, timestamp '2024-03-01 12:30:00.25' as ts, true as yes, 0.1::double as f,
                   '\xDE\xAD\x00'::blob as b, 18446744073709551615::ubigint as max_ubigint, (-9223372036854775808)::bigint as min_bigint
            """));

        Assert.Equal(42, row.GetProperty("n").GetInt64());
        Assert.Equal(12345678901234.56m, row.GetProperty("amount").GetDecimal());
        Assert.Equal("say \"hi\"\nGrüße 東京", row.GetProperty("text").GetString());
        Assert.Equal("2024-02-29", row.GetProperty("d").GetString());
        Assert.Equal("2024-03-01T12:30:00.25", row.GetProperty("ts").GetString());
        Assert.True(row.GetProperty("yes").GetBoolean());
        Assert.Equal(0.1, row.GetProperty("f").GetDouble());
        Assert.Equal(new byte[] { 0xDE, 0xAD, 0x00 }, row.GetProperty("b").GetBytesFromBase64());
        Assert.Equal(ulong.MaxValue, row.GetProperty("max_ubigint").GetUInt64());
        Assert.Equal(long.MinValue, row.GetProperty("min_bigint").GetInt64());
    }

    [Fact]
    public void Decimals_are_json_numbers_written_exactly_with_their_scale()
    {
        var json = Json("select 12345678901234.56::decimal(18,2) as amount, 1.50::decimal(5,2) as scaled, -0.01::decimal(4,2) as negative");

        Assert.Equal("{\"amount\":12345678901234.56,\"scaled\":1.50,\"negative\":-0.01}\n", json);
    }

    [Fact]
    public void Hugeint_is_an_exact_json_number()
    {
        var json = Json("select 170141183460469231731687303715884105727::hugeint as h");

        Assert.Equal("{\"h\":170141183460469231731687303715884105727}\n", json);
    }

    [Fact]
    public void Null_is_json_null_in_every_type()
    {
        var row = Assert.Single(Rows("""
            select NULL::integer as i, NULL::varchar as s, NULL::decimal(18,2) as m, NULL::date as d, NULL::timestamp as ts,
                   NULL::boolean as b, NULL::blob as bl, NULL::double as f
            """));

        Assert.Equal(8, row.EnumerateObject().Count());
        Assert.All(row.EnumerateObject(), property => Assert.Equal(JsonValueKind.Null, property.Value.ValueKind));
    }

    [Fact]
    public void Each_row_is_one_line_even_when_its_text_holds_line_breaks()
    {
        var json = Json("select * from (values (1, 'a' || chr(10) || 'b'), (2, 'c' || chr(13) || chr(10) || 'd'), (3, '')) t(id, s) order by id");

        var lines = json.Split('\n');
        Assert.Equal(4, lines.Length); // three rows and the empty string after the final LF
        Assert.Equal("{\"id\":1,\"s\":\"a\\nb\"}", lines[0]);
        Assert.Equal("{\"id\":2,\"s\":\"c\\r\\nd\"}", lines[1]);
        Assert.Equal("{\"id\":3,\"s\":\"\"}", lines[2]);
        Assert.Equal(string.Empty, lines[3]);
    }

    [Fact]
    public void Non_ascii_text_is_written_unescaped()
    {
        Assert.Equal("{\"Straße\":\"東京 naïve\"}\n", Json("select '東京 naïve' as \"Straße\""));
    }

    [Fact]
    public void Repeated_column_names_get_a_suffix_so_no_value_is_lost()
    {
        Assert.Equal("{\"a\":1,\"a_1\":2,\"a_2\":3}\n", Json("select 1 as a, 2 as a, 3 as a"));
    }

    [Fact]
    public void Nan_and_infinities_which_json_numbers_cannot_hold_are_strings()
    {
        Assert.Equal("{\"nan\":\"NaN\",\"inf\":\"Infinity\",\"ninf\":\"-Infinity\"}\n",
            Json("select 'nan'::double as nan, 'inf'::double as inf, '-inf'::float as ninf"));
    }

    [Fact]
    public void A_result_without_rows_prints_nothing()
    {
        Assert.Equal(string.Empty, Json("select 1 as a where false"));
    }
}
