using C2C.Analytics.Cli.Output;
using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Cli.Tests.Support;

internal static class Query
{
    /// <summary>Runs <paramref name="sql"/> on a fresh in-memory database and returns what the writer prints for its result.</summary>
    public static string Render(Func<TextWriter, IResultWriter> createWriter, string sql)
    {
        using var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var output = new StringWriter { NewLine = "\n" };
        createWriter(output).WriteRows(reader);
        return output.ToString();
    }
}
