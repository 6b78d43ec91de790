namespace C2C.Analytics.SqlServer.Tests.Integration;

/// <summary>
/// A test that needs a real SQL Server: it runs when <c>C2C_TEST_SQLSERVER</c> holds a connection string, and is
/// reported as skipped, with the reason, when it does not.
/// </summary>
public sealed class SqlServerFactAttribute : FactAttribute
{
    public const string Variable = "C2C_TEST_SQLSERVER";

    public SqlServerFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            Skip = $"{Variable} is not set, so there is no SQL Server to publish to (none runs on this machine); " +
                   "set it to a connection string to run the SQL Server integration suite.";
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);
}
