using C2C.Analytics.DuckDb.Native;

namespace C2C.Analytics.DuckDb.Tests.Data;

public class DuckDbAppenderTests
{
    private const string AllTypesTable = """
        CREATE TABLE all_types(
            b BOOLEAN, i8 TINYINT, i16 SMALLINT, i32 INTEGER, i64 BIGINT,
            u8 UTINYINT, u16 USMALLINT, u32 UINTEGER, u64 UBIGINT, h HUGEINT, uh UHUGEINT,
            f FLOAT, d DOUBLE, d4 DECIMAL(4,2), d9 DECIMAL(9,4), d18 DECIMAL(18,2), d38 DECIMAL(38,6),
            s VARCHAR, bl BLOB, dt DATE, ts TIMESTAMP, tz TIMESTAMPTZ, t TIME, id UUID, iv INTERVAL)
        """;

    [Fact]
    public void Every_supported_type_round_trips_with_extremes_and_nulls()
    {
        using var connection = TestDatabase.OpenInMemory();
        connection.Exec(AllTypesTable);
        var guid = Guid.Parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        using (var appender = connection.CreateAppender("all_types"))
        {
            Assert.Equal(25, appender.ColumnCount);
            appender.CreateRow()
                .AppendValue(true).AppendValue(sbyte.MinValue).AppendValue(short.MaxValue).AppendValue(int.MinValue).AppendValue(long.MaxValue)
                .AppendValue(byte.MaxValue).AppendValue(ushort.MaxValue).AppendValue(uint.MaxValue).AppendValue(ulong.MaxValue)
                .AppendValue(Int128.MinValue).AppendValue(UInt128.MaxValue)
                .AppendValue(float.MaxValue).AppendValue(double.MinValue)
                .AppendValue(-99.99m).AppendValue(12345.6789m).AppendValue(9999999999999999.99m).AppendValue(-12345678901234567890.123456m)
                .AppendValue("exactly 12 b").AppendValue(new byte[] { 0, 1, 2 }).AppendValue(new DateOnly(1969, 7, 20))
                .AppendValue(new DateTime(2026, 11, 22, 23, 59, 59, 999)).AppendValue(new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc))
                .AppendValue(new TimeOnly(7, 30)).AppendValue(guid).AppendValue(new DuckDbInterval(2, 3, 4_000_000))
                .EndRow();
            var row = appender.CreateRow();
            for (var i = 0; i < appender.ColumnCount; i++)
            {
                row = row.AppendNullValue();
            }

            row.EndRow();
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM all_types ORDER BY b NULLS LAST";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        object[] expected =
        [
            true, sbyte.MinValue, short.MaxValue, int.MinValue, long.MaxValue,
            byte.MaxValue, ushort.MaxValue, uint.MaxValue, ulong.MaxValue, Int128.MinValue, UInt128.MaxValue,
            float.MaxValue, double.MinValue, -99.99m, 12345.6789m, 9999999999999999.99m, -12345678901234567890.123456m,
            "exactly 12 b", new byte[] { 0, 1, 2 }, new DateOnly(1969, 7, 20),
            new DateTime(2026, 11, 22, 23, 59, 59, 999), new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc),
            new TimeOnly(7, 30), guid, new DuckDbInterval(2, 3, 4_000_000),
        ];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], reader.GetValue(i));
        }

        Assert.True(reader.Read());
        for (var i = 0; i < reader.FieldCount; i++)
        {
            Assert.True(reader.IsDBNull(i), $"column {reader.GetName(i)} should be NULL");
        }

        Assert.False(reader.Read());
    }

    [Fact]
    public void A_million_rows_round_trip_exactly()
    {
        const int rows = 1_000_000;
        using var connection = TestDatabase.OpenInMemory();
        connection.Exec("CREATE TABLE t(id BIGINT, name VARCHAR, day DATE, amount DECIMAL(18,2), score DOUBLE)");
        var start = new DateOnly(2020, 1, 1);
        using (var appender = connection.CreateAppender("t"))
        {
            for (var i = 0; i < rows; i++)
            {
                var row = appender.CreateRow().AppendValue((long)i);
                row = i % 10 == 0 ? row.AppendNullValue() : row.AppendValue(i % 3 == 0 ? "c" + i : "customer-number-" + i);
                row.AppendValue(start.AddDays(i % 2000)).AppendValue((i % 100_000) / 100m).AppendValue(i * 0.5).EndRow();
            }
        }

        // Independent check inside DuckDB against the same formulas.
        var mismatches = connection.Scalar("""
            SELECT count(*) FROM t
            WHERE name IS DISTINCT FROM (CASE WHEN id % 10 = 0 THEN NULL WHEN id % 3 = 0 THEN 'c' || id ELSE 'customer-number-' || id END)
               OR day <> DATE '2020-01-01' + (id % 2000)::INTEGER
               OR amount <> ((id % 100000) / 100)::DECIMAL(18,2)
               OR score <> id * 0.5
            """);
        Assert.Equal(0L, mismatches);
        Assert.Equal((long)rows, connection.Scalar("SELECT count(*) FROM t"));
        Assert.Equal((Int128)rows * (rows - 1) / 2, connection.Scalar("SELECT sum(id) FROM t"));
    }

    [Fact]
    public void A_constraint_violation_surfaces_on_close_with_duckdbs_message()
    {
        using var connection = TestDatabase.OpenInMemory();
        connection.Exec("CREATE TABLE k(id INTEGER PRIMARY KEY)");
        var appender = connection.CreateAppender("k");
        appender.CreateRow().AppendValue(1).EndRow();
        appender.CreateRow().AppendValue(1).EndRow();
        var error = Assert.Throws<DuckDbException>(appender.Close);
        Assert.Equal(DuckDbErrorType.Constraint, error.ErrorType);
        Assert.Contains("PRIMARY KEY or UNIQUE constraint violation: duplicate key \"1\"", error.Message);
        Assert.Contains("'k'", error.Message);
        appender.Dispose(); // after a failed close, dispose is quiet
    }

    [Fact]
    public void An_unknown_table_fails_with_the_table_named()
    {
        using var connection = TestDatabase.OpenInMemory();
        var error = Assert.Throws<DuckDbException>(() => connection.CreateAppender("main", "nowhere"));
        Assert.Contains("main.nowhere", error.Message);
        Assert.Equal(DuckDbErrorType.Catalog, error.ErrorType);
    }

    [Fact]
    public void Wrong_value_counts_and_types_are_refused_naming_the_column()
    {
        using var connection = TestDatabase.OpenInMemory();
        connection.Exec("CREATE TABLE t(id INTEGER, name VARCHAR, amount DECIMAL(9,2))");
        using var appender = connection.CreateAppender("t");
        Assert.Throws<InvalidOperationException>(() => appender.CreateRow().AppendValue(1).EndRow());
        var appenderWithBadType = connection.CreateAppender("t");
        var wrongType = Assert.Throws<InvalidCastException>(() => appenderWithBadType.CreateRow().AppendValue("not a number"));
        Assert.Contains("column 0 is INTEGER", wrongType.Message);
        var overflow = Assert.Throws<InvalidCastException>(() => connection.CreateAppender("t").CreateRow().AppendValue(3_000_000_000L));
        Assert.Contains("does not fit", overflow.Message);
    }

    [Fact]
    public void Decimal_values_are_never_rounded_into_a_column()
    {
        using var connection = TestDatabase.OpenInMemory();
        connection.Exec("CREATE TABLE money(amount DECIMAL(9,2))");
        using var appender = connection.CreateAppender("money");
        appender.CreateRow().AppendValue(12.5m).EndRow(); // fewer decimals than the column: exact
        Assert.Throws<InvalidCastException>(() => appender.CreateRow().AppendValue(1.005m)); // a third decimal would be lost
        Assert.Throws<InvalidCastException>(() => appender.CreateRow().AppendValue(12345678.9m)); // over 9 digits
    }

    [Fact]
    public void Rows_appended_after_a_flushed_chunk_are_kept_with_the_first_chunk()
    {
        using var connection = TestDatabase.OpenInMemory();
        connection.Exec("CREATE TABLE t(id INTEGER, s VARCHAR)");
        using (var appender = connection.CreateAppender("t"))
        {
            // 2,048 fills one chunk exactly; the nulls land in both chunks.
            for (var i = 0; i < 2050; i++)
            {
                var row = appender.CreateRow().AppendValue(i);
                (i % 1000 == 0 ? row.AppendNullValue() : row.AppendValue("long value number " + i)).EndRow();
            }
        }

        Assert.Equal(2050L, connection.Scalar("SELECT count(*) FROM t"));
        Assert.Equal(3L, connection.Scalar("SELECT count(*) FROM t WHERE s IS NULL")); // rows 0, 1000, 2000
        Assert.Equal("long value number 2049", connection.Scalar("SELECT s FROM t WHERE id = 2049"));
    }
}
