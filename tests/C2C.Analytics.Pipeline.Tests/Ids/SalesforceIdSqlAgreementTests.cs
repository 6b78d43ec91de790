using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline.Ids;

namespace C2C.Analytics.Pipeline.Tests.Ids;

/// <summary>
/// The C# <see cref="SalesforceId"/> and the SQL macro <c>sf_id18</c> (warehouse/functions/salesforce_id.sql) give the
/// same answer for the same text: the tracker's IDs are normalised in SQL, the sample generator's and the API
/// clients' in C#, and both must meet on deal_id.
/// </summary>
public class SalesforceIdSqlAgreementTests
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    [Fact]
    public void Csharp_and_sql_agree_on_thousands_of_random_ids()
    {
        var random = new Random(20250630);
        var inputs = new List<string>();
        for (var i = 0; i < 4000; i++)
        {
            var id15 = RandomText(random, Alphanumerics, 15);
            var id18 = id15 + SalesforceId.Checksum(id15);
            inputs.Add(id15);
            inputs.Add(id18);
            inputs.Add(id18.ToLowerInvariant()); // re-cased: valid only when the first 15 had no upper-case letter
            inputs.Add(id15 + RandomText(random, Alphanumerics, 3)); // a random suffix: almost always wrong
            inputs.Add(" " + id15 + "\u00a0"); // pasted with white space
            inputs.Add(RandomText(random, Alphanumerics + "-_ é", random.Next(0, 21))); // anything at all
        }

        using var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, File.ReadAllText(Path.Combine(RepositoryRoot(), "warehouse", "functions", "salesforce_id.sql")));
        Execute(connection, "CREATE TABLE inputs (position INTEGER, id VARCHAR)");
        using (var appender = connection.CreateAppender("inputs"))
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                appender.CreateRow().AppendValue(i).AppendValue(inputs[i]).EndRow();
            }
        }

        var fromSql = new string?[inputs.Count];
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT position, sf_id18(id) FROM inputs";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                fromSql[reader.GetInt32(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
            }
        }

        var disagreements = inputs
            .Select((input, i) => (Input: input, CSharp: SalesforceId.Normalize(input), Sql: fromSql[i]))
            .Where(r => r.CSharp != r.Sql)
            .Take(5)
            .ToList();
        Assert.True(disagreements.Count == 0, "C# and SQL disagree: " + string.Join("; ", disagreements));
        // The sample covers both outcomes well.
        Assert.InRange(fromSql.Count(v => v is not null), inputs.Count / 3, inputs.Count * 2 / 3);
    }

    private static string RandomText(Random random, string alphabet, int length) =>
        string.Create(length, (random, alphabet), (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
            }
        });

    private static void Execute(DuckDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "C2C.Analytics.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No C2C.Analytics.sln above {AppContext.BaseDirectory}.");
    }
}
