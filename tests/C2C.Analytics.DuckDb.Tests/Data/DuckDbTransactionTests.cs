namespace C2C.Analytics.DuckDb.Tests.Data;

public class DuckDbTransactionTests
{
    [Fact]
    public void Commit_makes_changes_visible_to_other_connections()
    {
        using var db = TestDatabase.CreateFile();
        using var writer = db.Open();
        using var other = db.Open();
        writer.Exec("CREATE TABLE t(x INTEGER)");
        using (var transaction = writer.BeginTransaction())
        {
            writer.Exec("INSERT INTO t VALUES (1), (2)");
            Assert.Equal(0L, other.Scalar("SELECT count(*) FROM t")); // snapshot isolation: not yet visible
            transaction.Commit();
        }

        Assert.Equal(2L, other.Scalar("SELECT count(*) FROM t"));
    }

    [Fact]
    public void Rollback_discards_changes()
    {
        using var connection = TestDatabase.OpenInMemory();
        connection.Exec("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1)");
        using (var transaction = connection.BeginTransaction())
        {
            connection.Exec("DELETE FROM t; INSERT INTO t VALUES (7), (8)");
            transaction.Rollback();
        }

        Assert.Equal(1, connection.Scalar("SELECT x FROM t"));
    }

    [Fact]
    public void Dispose_without_commit_rolls_back_including_ddl_and_appended_rows()
    {
        using var connection = TestDatabase.OpenInMemory();
        connection.Exec("CREATE TABLE t(x INTEGER)");
        using (connection.BeginTransaction())
        {
            connection.Exec("CREATE TABLE made_inside(y INTEGER)");
            using var appender = connection.CreateAppender("t");
            appender.CreateRow().AppendValue(5).EndRow();
        }

        Assert.Equal(0L, connection.Scalar("SELECT count(*) FROM t"));
        Assert.Equal(0L, connection.Scalar("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'made_inside'"));
    }

    [Fact]
    public void Completing_twice_or_nesting_is_refused()
    {
        using var connection = TestDatabase.OpenInMemory();
        var transaction = connection.BeginTransaction();
        Assert.Throws<InvalidOperationException>(() => connection.BeginTransaction());
        transaction.Commit();
        Assert.Throws<InvalidOperationException>(transaction.Commit);
        transaction.Dispose();
        using var next = connection.BeginTransaction(); // a new one may start after the first ended
        next.Rollback();
    }

    [Fact]
    public void A_failed_statement_inside_a_transaction_leaves_nothing_after_rollback()
    {
        using var connection = TestDatabase.OpenInMemory();
        connection.Exec("CREATE TABLE t(id INTEGER PRIMARY KEY)");
        using (var transaction = connection.BeginTransaction())
        {
            connection.Exec("INSERT INTO t VALUES (1)");
            Assert.Throws<DuckDbException>(() => connection.Exec("INSERT INTO t VALUES (1)"));
            transaction.Rollback();
        }

        Assert.Equal(0L, connection.Scalar("SELECT count(*) FROM t"));
    }
}
