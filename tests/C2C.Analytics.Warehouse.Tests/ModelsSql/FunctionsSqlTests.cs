using C2C.Analytics.DuckDb;
using C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql;

/// <summary>The macros in warehouse/functions/, run as the pipeline runs them (every file, in name order).</summary>
public sealed class FunctionsSqlTests : IDisposable
{
    private readonly DuckDbConnection _connection = new("Data Source=:memory:");

    public FunctionsSqlTests()
    {
        _connection.Open();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Functions, "*.sql").Order(StringComparer.Ordinal))
        {
            _connection.Run(File.ReadAllText(file));
        }
    }

    public void Dispose() => _connection.Dispose();

    private string Eval(string expression, string? argument) =>
        Assert.Single(Query($"SELECT {expression} FROM (SELECT $argument::VARCHAR AS x)", argument));

    private List<string> Query(string sql, string? argument)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("argument", argument);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? "NULL" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    [Theory]
    [InlineData("001A0000006Vm9r", "001A0000006Vm9rIAC")] // published pair
    [InlineData("003E0000007hWKJ", "003E0000007hWKJIA2")] // published pair
    [InlineData("001A0000006Vm9rIAC", "001A0000006Vm9rIAC")] // an 18-character ID with its own checksum is kept
    [InlineData("001A0000006Vm9riac", "001A0000006Vm9rIAC")] // the checksum is compared case-insensitively and written upper case
    [InlineData("  003E0000007hWKJ\t", "003E0000007hWKJIA2")] // surrounding white space is ignored
    [InlineData("000000000000000", "000000000000000AAA")] // no upper-case letter anywhere: every chunk is 0 → A
    [InlineData("ABCDEABCDEABCDE", "ABCDEABCDEABCDE555")] // every letter upper case: every chunk is 31 → 5
    [InlineData("aBcDeaBcDeaBcDe", "aBcDeaBcDeaBcDeKKK")] // bits 1 and 3 set in each chunk: 2 + 8 = 10 → K
    public void Sf_id18_gives_the_18_character_form(string input, string expected) =>
        Assert.Equal(expected, Eval("sf_id18(x)", input));

    [Theory]
    [InlineData("001A0000006Vm9rIAD")] // checksum of another ID: a retyped or re-cased ID is not guessed
    [InlineData("001a0000006vm9rIAC")] // case changed after the checksum was computed
    [InlineData("001A0000006Vm9")] // 14 characters
    [InlineData("001A0000006Vm9rI")] // 16
    [InlineData("001A0000006Vm9rIA")] // 17
    [InlineData("001A0000006Vm9rIAC1")] // 19
    [InlineData("001A0000006Vm9-")] // punctuation
    [InlineData("001A0000006Vm9é")] // a non-ASCII letter
    [InlineData("001A0000006 Vm9r")] // inner space
    [InlineData("")]
    [InlineData(null)]
    public void Sf_id18_is_null_for_anything_that_is_not_a_salesforce_id(string? input) =>
        Assert.Equal("NULL", Eval("sf_id18(x)", input));

    [Theory]
    [InlineData("125000", "125000.00")]
    [InlineData("48000.5", "48000.50")]
    [InlineData("125000.0", "125000.00")]
    [InlineData("1.5E5", "150000.00")] // a JSON number in exponent form
    [InlineData("1,250.00", "1250.00")]
    [InlineData("$1,250.00", "1250.00")]
    [InlineData("€2,000", "2000.00")]
    [InlineData("-$50", "-50.00")]
    [InlineData("0.125", "0.13")] // rounded to the cent
    [InlineData("1 250,00", "NULL")] // space thousands, comma decimals: ambiguous, rejected
    [InlineData("1.250,00", "NULL")]
    [InlineData("1,25", "NULL")] // a comma that is not a thousands separator
    [InlineData("USD 1250", "NULL")]
    [InlineData("see PO", "NULL")]
    [InlineData("true", "NULL")]
    [InlineData("12345678901234567", "NULL")] // does not fit DECIMAL(18,2)
    [InlineData(null, "NULL")]
    public void Parse_amount_accepts_plain_and_us_formatted_amounts(string? input, string expected) =>
        Assert.Equal(expected, Eval("parse_amount(x)", input));

    [Theory]
    [InlineData("2025-03-15", "2025-03-15")]
    [InlineData("2024-02-29", "2024-02-29")]
    [InlineData("2025-02-29", "NULL")] // no such day
    [InlineData("2025-13-01", "NULL")]
    [InlineData("03/15/2025", "NULL")]
    [InlineData("15.03.2025", "NULL")]
    [InlineData("2025-3-5", "NULL")]
    [InlineData("2025-03-15T00:00:00", "NULL")]
    [InlineData("next week", "NULL")]
    [InlineData(null, "NULL")]
    public void Parse_iso_date_accepts_only_yyyy_mm_dd(string? input, string expected) =>
        Assert.Equal(expected, Eval("strftime(parse_iso_date(x), '%Y-%m-%d')", input));

    [Theory]
    [InlineData("Net 30", "30")]
    [InlineData("NET45", "45")]
    [InlineData("net 60 days", "60")]
    [InlineData("30", "30")]
    [InlineData("15 days", "15")]
    [InlineData("Due on receipt", "0")]
    [InlineData("2/10 Net 30", "NULL")]
    [InlineData("Net 1000", "NULL")]
    [InlineData("monthly", "NULL")]
    public void Parse_payment_terms_days_reads_net_terms(string input, string expected) =>
        Assert.Equal(expected, Eval("parse_payment_terms_days(x)", input));

    [Theory]
    [InlineData("2024-05-01T12:34:56.000+0000", "2024-05-01 12:34:56.000000")]
    [InlineData("2024-05-01T12:34:56.000+0200", "2024-05-01 10:34:56.000000")]
    [InlineData("2024-05-01T12:34:56Z", "2024-05-01 12:34:56.000000")]
    [InlineData("2024-05-01T12:34:56.250+00:00", "2024-05-01 12:34:56.250000")]
    [InlineData("2024-05-01 12:34:56", "NULL")] // no offset: the instant is unknown
    [InlineData("yesterday", "NULL")]
    public void Sf_timestamp_gives_utc_whatever_the_session_time_zone(string input, string expected)
    {
        _connection.Run("SET TimeZone = 'America/New_York'");
        Assert.Equal(expected, Eval("strftime(sf_timestamp(x), '%Y-%m-%d %H:%M:%S.%f')", input));
        Assert.Equal("TIMESTAMP", Eval("typeof(sf_timestamp(x))", input));
    }

    [Theory]
    [InlineData("  Acme  ", "Acme")]
    [InlineData("\tAcme\r\n", "Acme")]
    [InlineData("\u00a0Société Générale\u00a0", "Société Générale")] // no-break spaces from a web page
    [InlineData("\u200bAcme\ufeff", "Acme")] // zero-width space, byte-order mark
    [InlineData("北京 Ltd", "北京 Ltd")] // non-ASCII kept
    [InlineData("a  b", "a  b")] // inner spaces kept as typed
    [InlineData("voilà", "voilà")] // a last character whose UTF-8 bytes end like a no-break space's is not cut
    [InlineData("   ", "NULL")]
    [InlineData("", "NULL")]
    public void Clean_text_trims_what_copy_and_paste_leaves_and_keeps_the_rest(string input, string expected) =>
        Assert.Equal(expected, Eval("clean_text(x)", input));

    [Theory]
    [InlineData("#INVALID DATA TYPE", null, true)]
    [InlineData("#CIRCULAR REFERENCE", null, true)]
    [InlineData("#UNSUPPORTED CROSS-SHEET FORMULA", null, true)]
    [InlineData("#SOME NEW ERROR", "=X()", true)] // with a formula, any "#UPPER CASE" text
    [InlineData("#SOME NEW ERROR", null, false)] // without one, only the documented texts
    [InlineData("#URGENT", null, false)]
    [InlineData("#1 priority", "=X()", false)]
    [InlineData("2025-01-31", "=WORKDAY(A1, 5)", false)]
    public void Smartsheet_formula_error_knows_error_texts_from_values(string value, string? formula, bool expected)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT smartsheet_formula_error($value, $formula)";
        command.Parameters.Add("value", value);
        command.Parameters.Add("formula", formula);
        Assert.Equal(expected, (bool)command.ExecuteScalar()!);
    }

    [Fact]
    public void Owner_key_is_the_md5_of_the_lower_cased_trimmed_email()
    {
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData("jane.doe@example.com"u8));
        Assert.Equal(expected, Eval("owner_key(x)", " Jane.Doe@Example.COM "));
    }
}
