using System.Data;
using C2C.Analytics.DuckDb.Native;

namespace C2C.Analytics.DuckDb.Tests.Data;

public class DuckDbConnectionTests
{
    [Fact]
    public void Open_and_close_change_state_and_dispose_is_idempotent()
    {
        var connection = new DuckDbConnection("Data Source=:memory:");
        Assert.Equal(ConnectionState.Closed, connection.State);
        connection.Open();
        Assert.Equal(ConnectionState.Open, connection.State);
        connection.Close();
        Assert.Equal(ConnectionState.Closed, connection.State);
        connection.Dispose();
        connection.Dispose();
        Assert.Equal(ConnectionState.Closed, connection.State);
    }

    [Fact]
    public void Each_plain_in_memory_connection_is_its_own_database()
    {
        using var first = TestDatabase.OpenInMemory();
        using var second = TestDatabase.OpenInMemory();
        first.Exec("CREATE TABLE only_here(x INT)");
        var error = Assert.Throws<DuckDbException>(() => second.Scalar("SELECT count(*) FROM only_here"));
        Assert.Equal(DuckDbErrorType.Catalog, error.ErrorType);
    }

    [Fact]
    public void Named_in_memory_database_is_shared_inside_the_process()
    {
        var name = ":memory:shared_" + Guid.NewGuid().ToString("N");
        using var first = new DuckDbConnection($"Data Source={name}");
        using var second = new DuckDbConnection($"Data Source={name}");
        first.Open();
        second.Open();
        first.Exec("CREATE TABLE s(x INT); INSERT INTO s VALUES (1), (2)");
        Assert.Equal(2L, second.Scalar("SELECT count(*) FROM s"));
    }

    [Fact]
    public void Two_connections_on_one_file_share_one_database_and_see_commits()
    {
        using var db = TestDatabase.CreateFile();
        using var writer = db.Open();
        using var reader = db.Open();
        writer.Exec("CREATE TABLE t(x INT)");
        writer.Exec("INSERT INTO t VALUES (1), (2), (3)");
        Assert.Equal(3L, reader.Scalar("SELECT count(*) FROM t"));
    }

    [Fact]
    public void Relative_and_absolute_paths_to_one_file_are_one_database()
    {
        using var db = TestDatabase.CreateFile();
        var previous = Environment.CurrentDirectory;
        using var absolute = db.Open();
        absolute.Exec("CREATE TABLE t(x INT); INSERT INTO t VALUES (5)");
        Environment.CurrentDirectory = db.Directory;
        try
        {
            using var relative = new DuckDbConnection("Data Source=./test.duckdb");
            relative.Open();
            Assert.Equal(5, relative.Scalar("SELECT x FROM t"));
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [Fact]
    public void A_file_reopened_after_close_keeps_its_data()
    {
        using var db = TestDatabase.CreateFile();
        using (var connection = db.Open())
        {
            connection.Exec("CREATE TABLE kept(id INT, name VARCHAR); INSERT INTO kept VALUES (1, 'one'), (2, 'two')");
        }

        using (var connection = db.Open())
        {
            Assert.Equal("two", connection.Scalar("SELECT name FROM kept WHERE id = 2"));
            Assert.Equal(2L, connection.Scalar("SELECT count(*) FROM kept"));
        }
    }

    [Fact]
    public void Read_only_connection_reads_and_refuses_writes()
    {
        using var db = TestDatabase.CreateFile();
        using (var connection = db.Open())
        {
            connection.Exec("CREATE TABLE t(x INT); INSERT INTO t VALUES (1)");
        }

        using var readOnly = db.Open("Read Only=true");
        Assert.Equal(1L, readOnly.Scalar("SELECT count(*) FROM t"));
        var error = Assert.Throws<DuckDbException>(() => readOnly.Exec("INSERT INTO t VALUES (2)"));
        Assert.Contains("read-only", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Threads_and_memory_limit_come_from_the_connection_string()
    {
        using var db = TestDatabase.CreateFile();
        using var connection = db.Open("Threads=1;Memory Limit=512MB");
        Assert.Equal(1L, connection.Scalar("SELECT current_setting('threads')"));
        // DuckDB reports 512MB as 488.2 MiB.
        Assert.Equal("488.2 MiB", connection.Scalar("SELECT current_setting('memory_limit')"));
    }

    [Fact]
    public void Other_keys_pass_through_as_duckdb_options_and_unknown_ones_are_rejected()
    {
        using var connection = new DuckDbConnection("Data Source=:memory:;default_order=desc");
        connection.Open();
        Assert.Equal("desc", connection.Scalar("SELECT lower(current_setting('default_order'))"));

        using var bad = new DuckDbConnection("Data Source=:memory:;no_such_option=1");
        var error = Assert.Throws<DuckDbException>(bad.Open);
        Assert.Contains("no_such_option", error.Message);
        Assert.Equal(ConnectionState.Closed, bad.State);
    }

    [Fact]
    public void Opening_a_file_in_a_missing_directory_fails_with_the_path_and_duckdbs_reason()
    {
        var path = Path.Combine(Path.GetTempPath(), "c2c-missing-" + Guid.NewGuid().ToString("N"), "w.duckdb");
        using var connection = new DuckDbConnection($"Data Source={path}");
        var error = Assert.Throws<DuckDbException>(connection.Open);
        Assert.Contains(path, error.Message);
        Assert.Equal(ConnectionState.Closed, connection.State);
    }

    [Fact]
    public void Connection_string_builder_reads_its_keys()
    {
        var builder = new DuckDbConnectionStringBuilder("DataSource=w.duckdb;ReadOnly=true;Threads=3;memory_limit=1GB");
        Assert.Equal("w.duckdb", builder.DataSource);
        Assert.True(builder.ReadOnly);
        Assert.Equal(3, builder.Threads);
        Assert.Equal("1GB", builder.MemoryLimit);
        Assert.Equal(":memory:", new DuckDbConnectionStringBuilder("").DataSource);
    }

    [Fact]
    public void Server_version_is_duckdbs()
    {
        using var connection = TestDatabase.OpenInMemory();
        Assert.Equal("v1.5.6", connection.ServerVersion);
        Assert.Equal("v1.5.6", connection.Scalar("SELECT version()") as string);
    }

    [Fact]
    public void Repeated_connections_commands_readers_and_appenders_do_not_grow_memory()
    {
        using var db = TestDatabase.CreateFile();
        using var anchor = db.Open(); // keeps the database open: this measures connection-level objects
        anchor.Exec("CREATE TABLE t AS SELECT range AS id, 'row number ' || range AS name FROM range(5000); CREATE TABLE a(id BIGINT, name VARCHAR)");

        void Cycle(int times)
        {
            for (var i = 0; i < times; i++)
            {
                using var connection = db.Open();
                using (var command = connection.CreateCommand())
                {
                    command.CommandText = "SELECT id, name FROM t WHERE id < $limit; ";
                    command.Parameters.Add("limit", 3000L);
                    using var reader = command.ExecuteReader();
                    while (reader.Read())
                    {
                        _ = reader.GetString(1);
                    }
                }

                using (var appender = connection.CreateAppender("a"))
                {
                    appender.CreateRow().AppendValue((long)i).AppendValue("a longer string than twelve bytes").EndRow();
                }

                connection.Exec("DELETE FROM a");
            }
        }

        AssertBoundedGrowth(() => Cycle(150), () => Cycle(1500), 64);
    }

    [Fact]
    public void Repeated_database_open_and_close_does_not_grow_memory()
    {
        using var db = TestDatabase.CreateFile();
        using (var setup = db.Open())
        {
            setup.Exec("CREATE TABLE t AS SELECT range AS id FROM range(100000)");
        }

        void Cycle(int times)
        {
            for (var i = 0; i < times; i++)
            {
                using var connection = db.Open();
                Assert.Equal(100000L, connection.Scalar("SELECT count(*) FROM t"));
            }
        }

        AssertBoundedGrowth(() => Cycle(30), () => Cycle(250), 64);
    }

    private static void AssertBoundedGrowth(Action warmUp, Action measured, int megabytes)
    {
        warmUp(); // allocators and caches settle first
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = CurrentProcessMemory();
        measured();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var grown = CurrentProcessMemory() - before;
        // A leaked native object per cycle would grow by far more than this.
        Assert.True(grown < megabytes * 1024L * 1024, $"process memory grew by {grown / 1024 / 1024} MB");
    }

    private static long CurrentProcessMemory()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }
}
