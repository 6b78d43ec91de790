using System.Data;
using C2C.Analytics.DuckDb.Native;

namespace C2C.Analytics.DuckDb.Tests.Data;

public class DuckDbCommandTests
{
    public static TheoryData<object, string> ParameterValues => new()
    {
        { true, "BOOLEAN" },
        { (sbyte)-5, "TINYINT" },
        { (short)-300, "SMALLINT" },
        { 123456, "INTEGER" },
        { 9_007_199_254_740_993L, "BIGINT" },
        { (byte)200, "UTINYINT" },
        { (ushort)60000, "USMALLINT" },
        { 4_000_000_000u, "UINTEGER" },
        { 18_000_000_000_000_000_000ul, "UBIGINT" },
        { Int128.MinValue, "HUGEINT" },
        { UInt128.MaxValue, "UHUGEINT" },
        { 1.5f, "FLOAT" },
        { 0.1, "DOUBLE" },
        { 1234567.89m, "DECIMAL(9,2)" },
        { -0.001m, "DECIMAL(3,3)" }, // one significant digit, three decimals: width = scale = 3
        { "Grüße, 'quoted' \"text\"", "VARCHAR" },
        { new DateOnly(2026, 12, 31), "DATE" },
        { new DateTime(2026, 1, 2, 3, 4, 5, 6), "TIMESTAMP" },
        { new TimeOnly(23, 59, 59), "TIME" },
        { Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"), "UUID" },
    };

    [Theory]
    [MemberData(nameof(ParameterValues))]
    public void Parameter_of_each_type_binds_with_the_duckdb_type_it_maps_to(object value, string expectedType)
    {
        using var connection = TestDatabase.OpenInMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT $value AS v, typeof($value) AS t";
        command.Parameters.Add("value", value);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(value, reader.GetValue(0));
        Assert.Equal(expectedType, reader.GetString(1));
    }

    [Fact]
    public void Null_parameters_bind_as_sql_null()
    {
        using var connection = TestDatabase.OpenInMemory();
        Assert.Equal(true, connection.Scalar("SELECT $1::INTEGER IS NULL AND $2::VARCHAR IS NULL", null, DBNull.Value));
    }

    [Fact]
    public void Named_parameters_bind_by_name_in_any_order_with_or_without_prefix()
    {
        using var connection = TestDatabase.OpenInMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT $b - $a, $a";
        command.Parameters.Add("$a", 10L);
        command.Parameters.Add("b", 52L);
        using var reader = command.ExecuteReader();
        reader.Read();
        Assert.Equal(42L, reader.GetInt64(0));
        Assert.Equal(10L, reader.GetInt64(1));
    }

    [Fact]
    public void Positional_parameters_bind_in_order_for_dollar_numbers_and_question_marks()
    {
        using var connection = TestDatabase.OpenInMemory();
        Assert.Equal(7L, connection.Scalar("SELECT $2 - $1", 3L, 10L));
        Assert.Equal("ab", connection.Scalar("SELECT ? || ?", "a", "b"));
    }

    [Fact]
    public void Too_few_parameters_fail_with_duckdbs_own_message()
    {
        using var connection = TestDatabase.OpenInMemory();
        var error = Assert.Throws<DuckDbException>(() => connection.Scalar("SELECT $1 + $2", 1));
        Assert.Equal(DuckDbErrorType.InvalidInput, error.ErrorType);
        Assert.Contains("Values were not provided for the following prepared statement parameters: 2", error.Message);
    }

    [Fact]
    public void Too_many_positional_parameters_fail_instead_of_being_ignored()
    {
        using var connection = TestDatabase.OpenInMemory();
        var error = Assert.Throws<DuckDbException>(() => connection.Scalar("SELECT $1", 1, 2));
        Assert.Contains("1 parameter(s) but 2 value(s)", error.Message);
    }

    [Fact]
    public void A_parameter_of_an_unbindable_type_is_refused_naming_it()
    {
        using var connection = TestDatabase.OpenInMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT $thing";
        command.Parameters.Add("thing", new Uri("https://example.invalid/"));
        var error = Assert.Throws<NotSupportedException>(() => command.ExecuteScalar());
        Assert.Contains("$thing", error.Message);
        Assert.Contains("System.Uri", error.Message);
    }

    [Fact]
    public void Syntax_error_carries_duckdbs_message_and_parser_type()
    {
        using var connection = TestDatabase.OpenInMemory();
        var error = Assert.Throws<DuckDbException>(() => connection.Exec("SELEC 1"));
        Assert.Equal(DuckDbErrorType.Parser, error.ErrorType);
        Assert.StartsWith("Parser Error: syntax error at or near \"SELEC\"", error.Message);
    }

    [Fact]
    public void Constraint_violation_carries_duckdbs_message_and_constraint_type()
    {
        using var connection = TestDatabase.OpenInMemory();
        connection.Exec("CREATE TABLE k(id INTEGER PRIMARY KEY, name VARCHAR NOT NULL)");
        connection.Exec("INSERT INTO k VALUES (1, 'a')");
        var duplicate = Assert.Throws<DuckDbException>(() => connection.Exec("INSERT INTO k VALUES (1, 'b')"));
        Assert.Equal(DuckDbErrorType.Constraint, duplicate.ErrorType);
        Assert.Contains("Duplicate key \"id: 1\"", duplicate.Message);
        var notNull = Assert.Throws<DuckDbException>(() => connection.Exec("INSERT INTO k VALUES (2, NULL)"));
        Assert.Equal(DuckDbErrorType.Constraint, notNull.ErrorType);
        Assert.Contains("NOT NULL constraint failed: k.name", notNull.Message);
    }

    [Fact]
    public void Execute_non_query_returns_rows_changed_summed_over_statements()
    {
        using var connection = TestDatabase.OpenInMemory();
        Assert.Equal(-1, connection.Exec("CREATE TABLE t(x INTEGER)"));
        Assert.Equal(5, connection.Exec("INSERT INTO t SELECT range FROM range(5)"));
        Assert.Equal(3, connection.Exec("UPDATE t SET x = x + 10 WHERE x < 3"));
        // Rows are now 10, 11, 12, 3, 4: one row is 3 and two are above 10.
        Assert.Equal(3, connection.Exec("DELETE FROM t WHERE x = 3; DELETE FROM t WHERE x > 10"));
    }

    [Fact]
    public void Multi_statement_text_runs_in_order_and_the_reader_streams_the_last_result()
    {
        using var connection = TestDatabase.OpenInMemory();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE steps(n INTEGER);
            INSERT INTO steps VALUES (1), (2);
            -- a comment between statements
            INSERT INTO steps SELECT n + 2 FROM steps;
            SELECT sum(n) AS total, count(*) AS rows FROM steps;
            """;
        using var reader = command.ExecuteReader();
        Assert.Equal(4, reader.RecordsAffected);
        Assert.True(reader.Read());
        Assert.Equal(10m, reader.GetDecimal(0)); // 1 + 2 + 3 + 4
        Assert.Equal(4L, reader.GetInt64(1));
    }

    [Theory]
    [InlineData("SELECT 1 AS Count WHERE false", DuckDbResultKind.Rows)]
    [InlineData("CREATE TABLE t(x INTEGER)", DuckDbResultKind.Nothing)]
    [InlineData("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1), (2)", DuckDbResultKind.ChangedRows)]
    public void The_reader_says_what_kind_of_result_the_last_statement_returned(string sql, DuckDbResultKind expected)
    {
        using var connection = TestDatabase.OpenInMemory();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        Assert.Equal(expected, reader.ResultKind);
    }

    [Fact]
    public void Execute_scalar_returns_the_first_value_or_null_without_rows()
    {
        using var connection = TestDatabase.OpenInMemory();
        Assert.Equal(42, connection.Scalar("SELECT 42 UNION ALL SELECT 43 ORDER BY 1"));
        Assert.Null(connection.Scalar("SELECT 1 WHERE false"));
        Assert.Equal(DBNull.Value, connection.Scalar("SELECT NULL"));
    }

    [Fact]
    public void A_second_command_while_a_reader_is_open_is_refused_clearly()
    {
        using var connection = TestDatabase.OpenInMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM range(10)";
        using var reader = command.ExecuteReader();
        var error = Assert.Throws<InvalidOperationException>(() => connection.Scalar("SELECT 1"));
        Assert.Contains("reader", error.Message);
        reader.Dispose();
        Assert.Equal(1, connection.Scalar("SELECT 1"));
    }

    [Fact]
    public void Cancel_interrupts_a_running_query()
    {
        using var connection = TestDatabase.OpenInMemory();
        using var command = connection.CreateCommand();
        // Far longer than the test may run: only an interrupt ends it.
        command.CommandText = "SELECT count(*) FROM range(100000000000) a";
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var error = Assert.ThrowsAny<DuckDbException>(() => command.ExecuteScalarAsync(cancel.Token).GetAwaiter().GetResult());
        Assert.Equal(DuckDbErrorType.Interrupt, error.ErrorType);
        Assert.Equal(1, connection.Scalar("SELECT 1")); // the connection is usable afterwards
    }

    [Fact]
    public void Command_timeout_interrupts_a_long_query()
    {
        using var connection = TestDatabase.OpenInMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM range(100000000000) a";
        command.CommandTimeout = 1;
        var error = Assert.Throws<DuckDbException>(() => command.ExecuteScalar());
        Assert.Equal(DuckDbErrorType.Interrupt, error.ErrorType);
    }

    [Fact]
    public void Empty_command_text_and_stored_procedures_are_refused()
    {
        using var connection = TestDatabase.OpenInMemory();
        using var command = connection.CreateCommand();
        Assert.Throws<InvalidOperationException>(() => command.ExecuteNonQuery());
        Assert.Throws<NotSupportedException>(() => command.CommandType = CommandType.StoredProcedure);
    }

    [Fact]
    public void Close_connection_behavior_closes_the_connection_with_the_reader()
    {
        using var connection = TestDatabase.OpenInMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        using (var reader = command.ExecuteReader(CommandBehavior.CloseConnection))
        {
            reader.Read();
        }

        Assert.Equal(ConnectionState.Closed, connection.State);
    }
}
