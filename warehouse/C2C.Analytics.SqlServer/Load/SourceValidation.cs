using System.Globalization;
using C2C.Analytics.DuckDb;
using C2C.Analytics.SqlServer.Catalog;
using C2C.Analytics.SqlServer.Schema;
using Dapper;

namespace C2C.Analytics.SqlServer.Load;

/// <summary>
/// Checks, in DuckDB and before SQL Server is touched, that the warehouse's data fits what is declared for it: keys
/// present and unique, text within its declared length (counted as SQL Server counts NVARCHAR: UTF-16 code units, so a
/// character outside the Basic Multilingual Plane counts twice), floating-point values that SQL Server can store (no
/// NaN or infinity), snapshot dates present. Each failure names the table, the column and where the declaration is.
/// </summary>
public static class SourceValidation
{
    public static void ThrowIfInvalid(DuckDbConnection connection, WarehouseTable source, TargetTable target)
    {
        var problems = new List<string>();
        var table = Identifiers.DuckDb(source.Name);
        if (source.PrimaryKey.Count > 0)
        {
            var key = string.Join(", ", source.PrimaryKey.Select(Identifiers.DuckDb));
            var anyNull = string.Join(" OR ", source.PrimaryKey.Select(k => Identifiers.DuckDb(k) + " IS NULL"));
            var nulls = connection.ExecuteScalar<long>($"SELECT count(*) FROM {table} WHERE {anyNull}");
            if (nulls > 0)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{nulls} row(s) have no value in the primary key ({string.Join(", ", source.PrimaryKey)})"));
            }

            var keyText = string.Join(" || ', ' || ", source.PrimaryKey.Select(k => $"CAST({Identifiers.DuckDb(k)} AS VARCHAR)"));
            var duplicate = connection.QueryFirstOrDefault<DuplicateRow>(
                $"SELECT {keyText} AS KeyText, count(*) AS Copies FROM {table} WHERE NOT ({anyNull}) GROUP BY {key} HAVING count(*) > 1 ORDER BY 2 DESC, 1 LIMIT 1");
            if (duplicate is not null)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"the primary key ({string.Join(", ", source.PrimaryKey)}) is not unique: ({duplicate.KeyText}) is on {duplicate.Copies} rows"));
            }
        }

        foreach (var column in source.Columns.Where(c => c.MaxLength is not null))
        {
            var name = Identifiers.DuckDb(column.Name);
            // length() counts code points; each code point above U+FFFF is two UTF-16 code units in NVARCHAR.
            var longest = connection.ExecuteScalar<long?>(
                $"SELECT max(length({name}) + length(regexp_replace({name}, '[^\\x{{10000}}-\\x{{10FFFF}}]', '', 'g'))) FROM {table}");
            if (longest > column.MaxLength)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{column.Name} holds a value {longest} UTF-16 code units long, over its declared max length of {column.MaxLength}"));
            }
        }

        foreach (var column in target.Columns.Where(c => c.Type.Name is "FLOAT" or "REAL"))
        {
            var name = Identifiers.DuckDb(column.Name);
            var bad = connection.ExecuteScalar<long>($"SELECT count(*) FROM {table} WHERE isnan({name}) OR isinf({name})");
            if (bad > 0)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{column.Name} holds NaN or infinity on {bad} row(s), which SQL Server cannot store"));
            }
        }

        if (target.SnapshotDateColumn is { } date)
        {
            var nulls = connection.ExecuteScalar<long>($"SELECT count(*) FROM {table} WHERE {Identifiers.DuckDb(date)} IS NULL");
            if (nulls > 0)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{nulls} row(s) have no {date}, the snapshot date it is published by"));
            }
        }

        if (problems.Count > 0)
        {
            throw new WarehouseCatalogException(
                $"{source.Name} cannot be published as declared ({source.DeclaredIn}): {string.Join("; ", problems)}. Nothing was published.");
        }
    }

    private sealed class DuplicateRow
    {
        public string KeyText { get; set; } = "";

        public long Copies { get; set; }
    }
}
