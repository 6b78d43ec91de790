using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql.Marts;

/// <summary>The portfolio of <see cref="MartPortfolio"/>, built once per test class.</summary>
public sealed class MartFixture : IDisposable
{
    public MartFixture() => Connection = MartPortfolio.Scenario().Build();

    internal DuckDbConnection Connection { get; }

    public void Dispose() => Connection.Dispose();
}
