namespace C2C.Analytics.Benchmarks.Provider;

/// <summary>
/// The benchmark table and the values of its row <c>i</c>, computed in the loop exactly as the floor's SQL computes
/// them inside DuckDB, so that the appender and the floor load identical rows (checked after the runs).
/// </summary>
internal static class BenchmarkRows
{
    public const int ValuesPerRow = 5;

    public const string CreateTable =
        "CREATE TABLE t (id BIGINT, name VARCHAR, day DATE, amount DECIMAL(18,2), score DOUBLE)";

    /// <summary>The floor: DuckDB builds the same rows itself. {0} is the row count.</summary>
    public const string InsertFloor =
        "INSERT INTO t SELECT i, 'customer-' || i, DATE '2020-01-01' + (i % 2000)::INT, (i % 100000) / 100.0, i * 0.5 FROM range({0}) r(i)";

    public const string SelectAll = "SELECT id, name, day, amount, score FROM t";

    /// <summary>The reader's floor: DuckDB consumes every value itself (casts only narrow the final HUGEINT sums).</summary>
    public const string AggregateFloor =
        "SELECT sum(id)::BIGINT, sum(length(name))::BIGINT, max(day), sum(amount), sum(score) FROM t";

    /// <summary>An order-independent fingerprint of a table's rows, to compare the appender's table with the floor's.</summary>
    public const string Fingerprint =
        "SELECT count(*), sum(hash(id, name, day, amount, score)) FROM {0}";

    public static readonly DateOnly FirstDay = new(2020, 1, 1);

    /// <summary>"customer-0" … "customer-999" are inlined (≤ 12 bytes) by DuckDB; every longer name goes to its string heap.</summary>
    public static string Name(long i) => $"customer-{i}";

    public static DateOnly Day(long i) => FirstDay.AddDays((int)(i % 2000));

    /// <summary>0.00 … 999.99: the mantissa and two decimal places, as DECIMAL(18,2) stores it.</summary>
    public static decimal Amount(long i) => new((int)(i % 100_000), 0, 0, isNegative: false, scale: 2);

    public static double Score(long i) => i * 0.5;
}

/// <summary>What the reader (or the floor's aggregate query) computed from every value of the table.</summary>
internal readonly record struct TableSums(long SumId, long SumNameLength, DateOnly MaxDay, decimal SumAmount, double SumScore)
{
    /// <summary>Equal, allowing for the different summation order of the doubles.</summary>
    public bool Matches(TableSums other) =>
        SumId == other.SumId
        && SumNameLength == other.SumNameLength
        && MaxDay == other.MaxDay
        && SumAmount == other.SumAmount
        && Math.Abs(SumScore - other.SumScore) <= 1e-9 * Math.Max(1, Math.Abs(SumScore));

    public override string ToString() =>
        $"sum(id)={SumId}, sum(length(name))={SumNameLength}, max(day)={MaxDay:yyyy-MM-dd}, sum(amount)={SumAmount}, sum(score)={SumScore:R}";
}
