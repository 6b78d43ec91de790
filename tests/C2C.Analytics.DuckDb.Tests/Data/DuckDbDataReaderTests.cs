using System.Numerics;
using C2C.Analytics.DuckDb.Native;

namespace C2C.Analytics.DuckDb.Tests.Data;

public class DuckDbDataReaderTests
{
    public static TheoryData<string, object> MinimumAndMaximum => new()
    {
        { "BOOLEAN", false }, { "BOOLEAN", true },
        { "TINYINT", sbyte.MinValue }, { "TINYINT", sbyte.MaxValue },
        { "SMALLINT", short.MinValue }, { "SMALLINT", short.MaxValue },
        { "INTEGER", int.MinValue }, { "INTEGER", int.MaxValue },
        { "BIGINT", long.MinValue }, { "BIGINT", long.MaxValue },
        { "UTINYINT", byte.MinValue }, { "UTINYINT", byte.MaxValue },
        { "USMALLINT", ushort.MinValue }, { "USMALLINT", ushort.MaxValue },
        { "UINTEGER", uint.MinValue }, { "UINTEGER", uint.MaxValue },
        { "UBIGINT", ulong.MinValue }, { "UBIGINT", ulong.MaxValue },
        { "FLOAT", float.MinValue }, { "FLOAT", float.MaxValue },
        { "DOUBLE", double.MinValue }, { "DOUBLE", double.MaxValue }, { "DOUBLE", double.Epsilon },
    };

    [Theory]
    [MemberData(nameof(MinimumAndMaximum))]
    public void Fixed_width_types_round_trip_their_extremes_through_a_parameter(string sqlType, object value)
    {
        using var connection = TestDatabase.OpenInMemory();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT $1::{sqlType} AS v, NULL::{sqlType} AS n";
        command.Parameters.Add(new DuckDbParameter(value));
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(value.GetType(), reader.GetFieldType(0));
        Assert.Equal(value, reader.GetValue(0));
        Assert.True(reader.IsDBNull(1));
        Assert.Equal(DBNull.Value, reader.GetValue(1));
    }

    [Fact]
    public void Hugeint_and_uhugeint_round_trip_their_extremes_from_sql_literals()
    {
        using var connection = TestDatabase.OpenInMemory();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT '-170141183460469231731687303715884105728'::HUGEINT, '170141183460469231731687303715884105727'::HUGEINT,
                   '0'::UHUGEINT, '340282366920938463463374607431768211455'::UHUGEINT
            """;
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(Int128.MinValue, reader.GetFieldValue<Int128>(0));
        Assert.Equal(Int128.MaxValue, reader.GetFieldValue<Int128>(1));
        Assert.Equal(UInt128.MinValue, reader.GetFieldValue<UInt128>(2));
        Assert.Equal(UInt128.MaxValue, reader.GetFieldValue<UInt128>(3));
    }

    [Theory]
    // Each DECIMAL width is stored in a different integer size (2, 4, 8 and 16 bytes): extremes, cents and negatives.
    [InlineData(4, 2, "99.99")]
    [InlineData(4, 2, "-99.99")]
    [InlineData(4, 0, "9999")]
    [InlineData(9, 2, "9999999.99")]
    [InlineData(9, 4, "-12345.6789")]
    [InlineData(18, 2, "9999999999999999.99")]
    [InlineData(18, 2, "-9999999999999999.99")]
    [InlineData(18, 18, "0.999999999999999999")]
    [InlineData(38, 2, "12345678901234567890123456.78")]
    [InlineData(38, 10, "-1234567890123456789.0123456789")]
    [InlineData(38, 0, "79228162514264337593543950335")]
    [InlineData(38, 28, "0.0000000000000000000000000001")]
    public void Decimal_reads_exactly_at_every_storage_width(int width, int scale, string literal)
    {
        var expected = decimal.Parse(literal, System.Globalization.CultureInfo.InvariantCulture);
        using var connection = TestDatabase.OpenInMemory();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT '{literal}'::DECIMAL({width},{scale}) AS from_text, $1::DECIMAL({width},{scale}) AS from_parameter";
        command.Parameters.Add(new DuckDbParameter(expected));
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal($"DECIMAL({width},{scale})", reader.GetDataTypeName(0));
        Assert.Equal(expected, reader.GetDecimal(0));
        Assert.Equal(expected, reader.GetDecimal(1));
        Assert.Equal(literal.TrimStart('-').Split('.').ElementAtOrDefault(1)?.Length ?? 0, reader.GetDecimal(0).Scale);
    }

    [Fact]
    public void Decimal_beyond_system_decimal_range_is_refused_naming_the_column()
    {
        using var connection = TestDatabase.OpenInMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT '99999999999999999999999999999999999999'::DECIMAL(38,0) AS huge";
        using var reader = command.ExecuteReader();
        reader.Read();
        var error = Assert.Throws<OverflowException>(() => reader.GetDecimal(0));
        Assert.Contains("'huge'", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("twelve bytes")] // exactly 12 bytes: the longest inlined string
    [InlineData("thirteen byte")] // 13 bytes: the shortest string stored behind a pointer
    [InlineData("Zürich – Ωmega – 東京 – 🚀")]
    [InlineData("héllo wörld")] // 11 characters, 13 bytes
    public void Strings_of_every_storage_form_round_trip(string text)
    {
        using var connection = TestDatabase.OpenInMemory();
        connection.Exec("CREATE TABLE s(v VARCHAR)");
        connection.Exec("INSERT INTO s VALUES ($1)", text);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT v, octet_length(encode(v)) FROM s";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(text, reader.GetString(0));
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(text), reader.GetInt64(1));
    }

    [Fact]
    public void Blob_round_trips_bytes_including_zero_and_empty()
    {
        byte[] bytes = [0, 1, 2, 255, 0, 128, 7, 7, 7, 7, 7, 7, 7, 7, 9];
        using var connection = TestDatabase.OpenInMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT $1::BLOB, $2::BLOB, octet_length($1::BLOB)";
        command.Parameters.Add(new DuckDbParameter(bytes));
        command.Parameters.Add(new DuckDbParameter(Array.Empty<byte>()));
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(bytes, (byte[])reader.GetValue(0));
        Assert.Empty((byte[])reader.GetValue(1));
        Assert.Equal(15L, reader.GetInt64(2));
        var buffer = new byte[4];
        Assert.Equal(4, reader.GetBytes(0, 2, buffer, 0, 4));
        Assert.Equal(new byte[] { 2, 255, 0, 128 }, buffer);
    }

    [Fact]
    public void Date_reads_as_dateonly_at_its_extremes_and_around_the_epoch()
    {
        using var connection = TestDatabase.OpenInMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DATE '0001-01-01', DATE '9999-12-31', DATE '1969-12-31', DATE '1970-01-01', DATE '2024-02-29', $1::DATE";
        command.Parameters.Add(new DuckDbParameter(new DateOnly(2026, 11, 22)));
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(typeof(DateOnly), reader.GetFieldType(0));
        Assert.Equal(DateOnly.MinValue, reader.GetFieldValue<DateOnly>(0));
        Assert.Equal(DateOnly.MaxValue, reader.GetFieldValue<DateOnly>(1));
        Assert.Equal(new DateOnly(1969, 12, 31), reader.GetValue(2));
        Assert.Equal(new DateOnly(1970, 1, 1), reader.GetDateOnly(3));
        Assert.Equal(new DateOnly(2024, 2, 29), reader.GetDateOnly(4));
        Assert.Equal(new DateOnly(2026, 11, 22), reader.GetDateOnly(5));
        Assert.Equal(new DateTime(2026, 11, 22), reader.GetDateTime(5));
    }

    [Fact]
    public void Infinite_date_is_refused_naming_the_column()
    {
        using var connection = TestDatabase.OpenInMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 'infinity'::DATE AS open_ended";
        using var reader = command.ExecuteReader();
        reader.Read();
        var error = Assert.Throws<InvalidCastException>(() => reader.GetValue(0));
        Assert.Contains("'open_ended'", error.Message);
    }

    [Fact]
    public void Timestamps_read_to_the_microsecond_and_timestamptz_as_utc()
    {
        using var connection = TestDatabase.OpenInMemory();
        connection.Exec("SET TimeZone = 'America/New_York'");
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT TIMESTAMP '2026-03-08 01:59:59.123456', TIMESTAMPTZ '2026-07-01 12:00:00+00',
                   TIMESTAMP '1960-05-06 07:08:09.000001', TIMESTAMP_MS '2026-01-02 03:04:05.678',
                   TIMESTAMP_S '2026-01-02 03:04:05', TIMESTAMP_NS '2026-01-02 03:04:05.123456789',
                   $1::TIMESTAMPTZ, $2::TIMESTAMP
            """;
        command.Parameters.Add(new DuckDbParameter(new DateTime(2026, 11, 22, 2, 0, 0, DateTimeKind.Utc)));
        command.Parameters.Add(new DuckDbParameter(new DateTime(2026, 11, 22, 2, 0, 0, 500, DateTimeKind.Unspecified)));
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(new DateTime(2026, 3, 8, 1, 59, 59).AddTicks(1_234_560), reader.GetDateTime(0));
        Assert.Equal(DateTimeKind.Unspecified, reader.GetDateTime(0).Kind);
        var utc = reader.GetDateTime(1);
        Assert.Equal(new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
        Assert.Equal(new DateTime(1960, 5, 6, 7, 8, 9).AddTicks(10), reader.GetDateTime(2));
        Assert.Equal(new DateTime(2026, 1, 2, 3, 4, 5, 678), reader.GetDateTime(3));
        Assert.Equal(new DateTime(2026, 1, 2, 3, 4, 5), reader.GetDateTime(4));
        Assert.Equal(new DateTime(2026, 1, 2, 3, 4, 5).AddTicks(1_234_560), reader.GetDateTime(5));
        // A UTC instant bound to TIMESTAMPTZ is the same instant, whatever the session's time zone.
        Assert.Equal(new DateTime(2026, 11, 22, 2, 0, 0, DateTimeKind.Utc), reader.GetDateTime(6));
        Assert.Equal(new DateTime(2026, 11, 22, 2, 0, 0, 500), reader.GetDateTime(7));
    }

    [Fact]
    public void Time_interval_uuid_and_enum_are_read()
    {
        using var connection = TestDatabase.OpenInMemory();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
            SELECT TIME '13:14:15.123456', INTERVAL '1 month 2 days 3 seconds',
                   '0f8fad5b-d9cb-469f-a165-70867728950e'::UUID, 'ffffffff-ffff-ffff-ffff-ffffffffffff'::UUID,
                   '00000000-0000-0000-0000-000000000000'::UUID, 'happy'::mood
            """;
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(new TimeOnly(13, 14, 15).Add(TimeSpan.FromTicks(1_234_560)), reader.GetValue(0));
        Assert.Equal(new DuckDbInterval(1, 2, 3_000_000), reader.GetValue(1));
        Assert.Equal(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), reader.GetGuid(2));
        Assert.Equal(Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff"), reader.GetGuid(3));
        Assert.Equal(Guid.Empty, reader.GetGuid(4));
        Assert.Equal("happy", reader.GetString(5));
    }

    [Theory]
    [InlineData("[1, 2, 3]", "LIST")]
    [InlineData("{'a': 1}", "STRUCT")]
    [InlineData("MAP {'k': 1}", "MAP")]
    public void Nested_types_are_refused_with_the_column_named(string expression, string typeName)
    {
        using var connection = TestDatabase.OpenInMemory();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT 1 AS ok, {expression} AS nested";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(1, reader.GetInt32(0));
        var error = Assert.Throws<NotSupportedException>(() => reader.GetValue(1));
        Assert.Contains("'nested'", error.Message);
        Assert.Contains(typeName, error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2047)]
    [InlineData(2048)]
    [InlineData(2049)]
    [InlineData(1_000_000)]
    public void Every_row_is_read_once_across_chunk_boundaries(int rows)
    {
        using var connection = TestDatabase.OpenInMemory();
        using var command = connection.CreateCommand();
        // Every 7th value NULL: validity masks on every chunk.
        command.CommandText = "SELECT range AS i, CASE WHEN range % 7 = 3 THEN NULL ELSE 'v' || range END AS s FROM range($1) ORDER BY range";
        command.Parameters.Add(new DuckDbParameter((long)rows));
        using var reader = command.ExecuteReader();
        Assert.Equal(rows > 0, reader.HasRows);
        long count = 0, sum = 0, nulls = 0;
        while (reader.Read())
        {
            var i = reader.GetInt64(0);
            Assert.Equal(count, i);
            if (reader.IsDBNull(1))
            {
                Assert.Equal(3, i % 7);
                nulls++;
            }
            else
            {
                Assert.Equal("v" + i, reader.GetString(1));
            }

            sum += i;
            count++;
        }

        Assert.Equal(rows, count);
        Assert.Equal((long)rows * (rows - 1) / 2, sum);
        Assert.Equal(rows / 7 + (rows % 7 > 3 ? 1 : 0), nulls);
        Assert.False(reader.Read());
    }

    [Fact]
    public void A_query_failing_after_the_first_chunk_throws_duckdbs_error_from_read()
    {
        using var connection = TestDatabase.OpenInMemory();
        using var command = connection.CreateCommand();
        // The cast fails only at row 100,000, long after the first chunk was handed out.
        command.CommandText = "SELECT CASE WHEN range = 100000 THEN 'x' ELSE range::VARCHAR END::INTEGER AS v FROM range(200000)";
        DuckDbException? error = null;
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                _ = reader.GetInt32(0);
            }
        }
        catch (DuckDbException e)
        {
            error = e;
        }

        Assert.NotNull(error);
        Assert.Equal(DuckDbErrorType.Conversion, error.ErrorType);
        Assert.Contains("'x'", error.Message);
    }

    [Fact]
    public void Values_are_refused_before_read_and_null_is_refused_by_typed_getters()
    {
        using var connection = TestDatabase.OpenInMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT NULL::INTEGER AS n";
        using var reader = command.ExecuteReader();
        Assert.Throws<InvalidOperationException>(() => reader.GetValue(0));
        reader.Read();
        var error = Assert.Throws<InvalidCastException>(() => reader.GetInt32(0));
        Assert.Contains("'n'", error.Message);
        Assert.Null(reader.GetFieldValue<int?>(0));
    }

    [Fact]
    public void Typed_getters_convert_with_overflow_checks()
    {
        using var connection = TestDatabase.OpenInMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 5::TINYINT, 3000000000::BIGINT, 7::HUGEINT";
        using var reader = command.ExecuteReader();
        reader.Read();
        Assert.Equal(5L, reader.GetInt64(0));
        Assert.Equal(5m, reader.GetDecimal(0));
        Assert.Throws<OverflowException>(() => reader.GetInt32(1));
        Assert.Equal(7L, reader.GetInt64(2));
        Assert.Equal((BigInteger)7, (BigInteger)reader.GetFieldValue<Int128>(2));
    }

    [Fact]
    public void Column_metadata_names_types_and_ordinals()
    {
        using var connection = TestDatabase.OpenInMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1::BIGINT AS Id, 'x' AS name, 1.5::DECIMAL(9,3) AS amount";
        using var reader = command.ExecuteReader();
        Assert.Equal(3, reader.FieldCount);
        Assert.Equal("Id", reader.GetName(0));
        Assert.Equal(0, reader.GetOrdinal("id"));
        Assert.Equal(2, reader.GetOrdinal("amount"));
        Assert.Equal("BIGINT", reader.GetDataTypeName(0));
        Assert.Equal("VARCHAR", reader.GetDataTypeName(1));
        Assert.Equal(typeof(decimal), reader.GetFieldType(2));
        Assert.Equal(DuckDbType.Decimal, reader.GetDuckDbType(2));
        Assert.Throws<IndexOutOfRangeException>(() => reader.GetOrdinal("missing"));
    }
}
