using Dapper;

namespace C2C.Analytics.DuckDb.Tests;

public class DapperTests
{
    public sealed record Stage(long Id, string Name, DateOnly DueOn, decimal Amount, DateOnly? CompletedOn, int? Age);

    public sealed class StageClass
    {
        public long Id { get; set; }

        public string Name { get; set; } = "";

        public DateOnly DueOn { get; set; }

        public decimal Amount { get; set; }

        public DateOnly? CompletedOn { get; set; }

        public int? Age { get; set; }
    }

    private static DuckDbConnection Seeded()
    {
        var connection = TestDatabase.OpenInMemory();
        connection.Execute("CREATE TABLE stage(id BIGINT, name VARCHAR, due_on DATE, amount DECIMAL(18,2), completed_on DATE, age INTEGER)");
        var inserted = connection.Execute(
            "INSERT INTO stage VALUES ($Id, $Name, $DueOn, $Amount, $CompletedOn, $Age)",
            new[]
            {
                new { Id = 1L, Name = "Kickoff", DueOn = new DateOnly(2026, 11, 30), Amount = 1250.75m, CompletedOn = (DateOnly?)new DateOnly(2026, 11, 20), Age = (int?)3 },
                new { Id = 2L, Name = "Invoice sent", DueOn = new DateOnly(2026, 12, 4), Amount = 0.01m, CompletedOn = (DateOnly?)null, Age = (int?)null },
            });
        Assert.Equal(2, inserted);
        return connection;
    }

    [Fact]
    public void Query_maps_rows_into_records_with_dateonly_decimal_and_nullable_members()
    {
        using var connection = Seeded();
        var stages = connection.Query<Stage>(
            "SELECT id AS Id, name AS Name, due_on AS DueOn, amount AS Amount, completed_on AS CompletedOn, age AS Age FROM stage ORDER BY id").ToList();
        Assert.Equal(
            [
                new Stage(1, "Kickoff", new DateOnly(2026, 11, 30), 1250.75m, new DateOnly(2026, 11, 20), 3),
                new Stage(2, "Invoice sent", new DateOnly(2026, 12, 4), 0.01m, null, null),
            ],
            stages);
    }

    [Fact]
    public void Query_maps_rows_into_classes_by_column_name()
    {
        using var connection = Seeded();
        var stage = connection.QuerySingle<StageClass>(
            "SELECT id, name, due_on AS DueOn, amount, completed_on AS CompletedOn, age FROM stage WHERE id = $id", new { id = 2L });
        Assert.Equal("Invoice sent", stage.Name);
        Assert.Equal(new DateOnly(2026, 12, 4), stage.DueOn);
        Assert.Equal(0.01m, stage.Amount);
        Assert.Null(stage.CompletedOn);
        Assert.Null(stage.Age);
    }

    [Fact]
    public void Execute_and_execute_scalar_take_anonymous_parameter_objects()
    {
        using var connection = Seeded();
        Assert.Equal(1, connection.Execute("UPDATE stage SET completed_on = $on WHERE id = $id", new { on = new DateOnly(2026, 12, 1), id = 2L }));
        Assert.Equal(new DateOnly(2026, 12, 1), connection.ExecuteScalar<DateOnly>("SELECT completed_on FROM stage WHERE id = 2"));
        Assert.Equal(1250.76m, connection.ExecuteScalar<decimal>("SELECT sum(amount) FROM stage"));
        Assert.Equal(2L, connection.ExecuteScalar<long>("SELECT count(*) FROM stage WHERE due_on >= $from", new { from = new DateOnly(2026, 11, 1) }));
    }

    [Fact]
    public void Dapper_transactions_use_the_providers_transaction()
    {
        using var connection = Seeded();
        using (var transaction = connection.BeginTransaction())
        {
            connection.Execute("DELETE FROM stage", transaction: transaction);
            transaction.Rollback();
        }

        Assert.Equal(2L, connection.ExecuteScalar<long>("SELECT count(*) FROM stage"));
    }
}
