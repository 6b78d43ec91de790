namespace C2C.Analytics.DuckDb.Tests.Data;

public class ParquetTests
{
    [Fact]
    public void Copy_to_parquet_and_read_parquet_round_trip_values_and_types()
    {
        using var db = TestDatabase.CreateFile();
        using var connection = db.Open();
        var file = Path.Combine(db.Directory, "stages.parquet");
        connection.Exec("""
            CREATE TABLE stages AS
            SELECT range AS id, 'stage ' || range AS name, (range * 1.25)::DECIMAL(18,2) AS value,
                   DATE '2026-01-01' + range::INTEGER AS due_on, CASE WHEN range % 2 = 0 THEN NULL ELSE range END AS maybe
            FROM range(5000)
            """);
        connection.Exec($"COPY stages TO '{file}' (FORMAT parquet)");
        Assert.True(new FileInfo(file).Length > 0);

        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*), sum(value), max(due_on), count(maybe), typeof(any_value(value)) FROM read_parquet('{file}')";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(5000L, reader.GetInt64(0));
        Assert.Equal(1.25m * (4999 * 5000 / 2), reader.GetDecimal(1)); // 1.25 × (0 + … + 4999)
        Assert.Equal(new DateOnly(2026, 1, 1).AddDays(4999), reader.GetDateOnly(2));
        Assert.Equal(2500L, reader.GetInt64(3));
        Assert.Equal("DECIMAL(18,2)", reader.GetString(4));
        reader.Dispose();
        Assert.Equal(0L, connection.Scalar($"SELECT count(*) FROM (SELECT * FROM stages EXCEPT SELECT * FROM read_parquet('{file}'))"));
    }
}
