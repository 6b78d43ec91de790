using System.Globalization;
using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

/// <summary>Small helpers so that expected rows read as text: "a | b | NULL".</summary>
internal static class QueryExtensions
{
    public static void Run(this DuckDbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(name, value);
        }

        command.ExecuteNonQuery();
    }

    /// <summary>Each row of the result as its values joined by " | " (NULL for null; dates ISO; decimals invariant).</summary>
    public static List<string> Lines(this DuckDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            var values = new string[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values[i] = Text(reader.IsDBNull(i) ? null : reader.GetValue(i));
            }

            lines.Add(string.Join(" | ", values));
        }

        return lines;
    }

    /// <summary>The single value of a one-row, one-column result, as text.</summary>
    public static string Scalar(this DuckDbConnection connection, string sql) => Assert.Single(connection.Lines(sql));

    public static long Count(this DuckDbConnection connection, string sql) =>
        long.Parse(connection.Scalar($"SELECT count(*) FROM ({sql})"), CultureInfo.InvariantCulture);

    private static string Text(object? value) => value switch
    {
        null => "NULL",
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
