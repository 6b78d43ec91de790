using C2C.Analytics.DuckDb;
using C2C.Analytics.PowerBi.Tests.Support;
using C2C.Analytics.PowerBi.Tests.Tmdl;
using Dapper;

namespace C2C.Analytics.PowerBi.Tests;

/// <summary>
/// The semantic model against the warehouse it reads (the sample's Parquet export) and against itself: every table and
/// column exists in the export with the same type, relationships join existing columns onto unique keys without two
/// active paths between tables, the date table is a proper one, sort-by columns sort, every DAX reference in a measure
/// or a role resolves, and no measure is named like a column (Power BI refuses such a model).
/// </summary>
[Collection(SampleWarehouseCollection.Name)]
public sealed class ModelContractTests(SampleWarehouse sample)
{
    private const string MeasureTable = "metrics";

    private static readonly SemanticModelFiles Model = SemanticModelFiles.Load(Repository.Definition);

    [Fact]
    public void Every_table_and_column_is_in_the_export_with_the_same_type()
    {
        var export = ExportSchema.Read(sample.ExportDirectory);
        var problems = new List<string>();
        foreach (var table in Model.Tables.Values.Where(t => t.Name != MeasureTable))
        {
            if (!export.TryGetValue(table.Name, out var columns))
            {
                problems.Add($"{table.Name}: the export has no {table.Name}.parquet");
                continue;
            }

            foreach (var column in table.Columns)
            {
                if (column.SourceColumn != column.Name)
                {
                    problems.Add($"{table.Name}.{column.Name}: sourceColumn {column.SourceColumn} is not the column's own name");
                }

                if (!columns.TryGetValue(column.SourceColumn ?? "", out var duckDbType))
                {
                    problems.Add($"{table.Name}.{column.Name}: not in {table.Name}.parquet");
                }
                else if (ExportSchema.TmdlDataType(duckDbType) != column.DataType)
                {
                    problems.Add($"{table.Name}.{column.Name}: dataType {column.DataType}, but the export has {duckDbType}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains("fct_engagement_stage", Model.Tables.Keys);
    }

    [Fact]
    public void Relationships_join_existing_columns_of_one_type_onto_unique_keys()
    {
        using var connection = sample.OpenExport();
        var problems = new List<string>();
        foreach (var relationship in Model.Relationships)
        {
            var from = Column(relationship.From);
            var to = Column(relationship.To);
            if (from is null || to is null)
            {
                problems.Add($"{relationship.Node.Where}: {relationship.From} → {relationship.To} names a column the model does not have");
                continue;
            }

            if (from.DataType != to.DataType)
            {
                problems.Add($"{relationship.Node.Where}: {relationship.From} is {from.DataType}, {relationship.To} is {to.DataType}");
            }

            // The one side must be unique in the rows the model loads (current rows of a table that keeps history).
            var duplicates = connection.ExecuteScalar<long>(
                $"SELECT count(*) FROM (SELECT {to.Name} FROM {to.Table} WHERE {to.Name} IS NOT NULL GROUP BY 1 HAVING count(*) > 1)");
            if (duplicates > 0)
            {
                problems.Add($"{relationship.Node.Where}: {relationship.To} has {duplicates} repeated values; a relationship's one side must be unique");
            }

            var orphans = connection.ExecuteScalar<long>(
                $"SELECT count(*) FROM {from.Table} WHERE {from.Name} IS NOT NULL AND {from.Name} NOT IN (SELECT {to.Name} FROM {to.Table} WHERE {to.Name} IS NOT NULL)");
            if (orphans > 0)
            {
                problems.Add($"{relationship.Node.Where}: {orphans} rows of {from.Table} have a {from.Name} that {relationship.To} does not");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(Model.Relationships.Count >= 10);
    }

    [Fact]
    public void No_two_active_paths_lead_from_one_table_to_another()
    {
        // Filters flow from the one side to the many side; two active paths between the same tables make Power BI
        // deactivate a relationship on its own (ambiguity). Inactive ones are used through USERELATIONSHIP.
        var active = Model.Relationships.Where(r => r.IsActive).ToList();
        var pairs = active.GroupBy(r => (r.From.Table, r.To.Table)).Where(g => g.Count() > 1).Select(g => $"{g.Key.Item2} → {g.Key.Item1}").ToList();
        Assert.True(pairs.Count == 0, "more than one active relationship between: " + string.Join(", ", pairs));

        var edges = active.ToLookup(r => r.To.Table, r => r.From.Table);
        var ambiguous = new List<string>();
        foreach (var start in Model.Tables.Keys)
        {
            var paths = new Dictionary<string, int>(StringComparer.Ordinal);
            CountPaths(start, edges, paths);
            ambiguous.AddRange(paths.Where(p => p.Value > 1).Select(p => $"{start} → {p.Key} ({p.Value} paths)"));
        }

        Assert.True(ambiguous.Count == 0, "ambiguous filter paths: " + string.Join(", ", ambiguous));
        Assert.Contains(Model.Relationships, r => !r.IsActive && r.From.Column == "as_of_date_key");
    }

    [Fact]
    public void The_date_table_is_marked_and_holds_every_day_once()
    {
        var dates = Model.Tables["dim_date"];
        Assert.Equal("Time", dates.Node.Properties["dataCategory"]);
        var key = Assert.Single(dates.Columns, c => c.Node.Flag("isKey"));
        Assert.Equal(("date", "dateTime"), (key.Name, key.DataType));

        using var connection = sample.OpenExport();
        var (days, distinct, span) = connection.QuerySingle<(long, long, long)>(
            "SELECT count(*), count(DISTINCT date), date_diff('day', min(date), max(date)) + 1 FROM dim_date");
        Assert.Equal(days, distinct);
        Assert.Equal(days, span);
    }

    [Fact]
    public void Sort_by_columns_exist_and_give_each_value_one_position()
    {
        using var connection = sample.OpenExport();
        var problems = new List<string>();
        var sorted = Model.AllColumns.Where(c => c.SortByColumn is not null).ToList();
        foreach (var column in sorted)
        {
            var target = Model.Tables[column.Table].Columns.FirstOrDefault(c => c.Name == column.SortByColumn);
            if (target is null)
            {
                problems.Add($"{column.Table}.{column.Name}: sortByColumn {column.SortByColumn} is not a column of {column.Table}");
                continue;
            }

            var ambiguous = connection.ExecuteScalar<long>(
                $"SELECT count(*) FROM (SELECT {column.Name} FROM {column.Table} GROUP BY 1 HAVING count(DISTINCT {target.Name}) > 1)");
            if (ambiguous > 0)
            {
                problems.Add($"{column.Table}.{column.Name}: {ambiguous} values sort to more than one {target.Name}; Power BI refuses that");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(sorted, c => c is { Table: "dim_date", Name: "month_name" });
        Assert.Contains(sorted, c => c is { Table: "fct_engagement_stage", Name: "aging_bucket" });
    }

    [Fact]
    public void Measures_reference_only_tables_columns_measures_and_functions_that_exist()
    {
        var measures = Model.AllMeasures.Select(m => m.Measure.Name).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (_, measure) in Model.AllMeasures)
        {
            problems.AddRange(Unknown(measure.Where + " measure " + measure.Name, measure.Expression ?? "", measures));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Measure_names_are_unique_and_no_column_has_one()
    {
        var measures = Model.AllMeasures.Select(m => m.Measure.Name).ToList();
        Assert.Equal(measures.Count, measures.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var clashes = Model.AllColumns.Where(c => measures.Contains(c.Name, StringComparer.OrdinalIgnoreCase)).Select(c => $"{c.Table}.{c.Name}").ToList();
        Assert.True(clashes.Count == 0, "columns named like a measure (Power BI forbids it): " + string.Join(", ", clashes));
        Assert.All(Model.AllMeasures, m => Assert.False(string.IsNullOrWhiteSpace(m.Measure.Description), $"measure {m.Measure.Name} has no description"));
    }

    [Fact]
    public void Roles_filter_known_tables_and_columns_by_the_signed_in_user()
    {
        var measures = Model.AllMeasures.Select(m => m.Measure.Name).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var permission in Model.Permissions)
        {
            if (!Model.Tables.ContainsKey(permission.Table))
            {
                problems.Add($"{permission.Node.Where}: role {permission.Role} filters {permission.Table}, which the model does not have");
            }

            problems.AddRange(Unknown($"{permission.Node.Where} role {permission.Role}", permission.Filter, measures));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(["Executive", "Owner", "Team lead"], Model.Roles.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Empty(Model.Roles.Single(r => r.Name == "Executive").ChildrenOf("tablePermission"));
        foreach (var role in new[] { "Owner", "Team lead" })
        {
            var filters = Model.Permissions.Where(p => p.Role == role).ToDictionary(p => p.Table, p => p.Filter);
            Assert.Contains("USERPRINCIPALNAME", filters["dim_engagement"], StringComparison.Ordinal);
            Assert.Contains("USERPRINCIPALNAME", filters["fct_opportunity"], StringComparison.Ordinal);
            Assert.Contains("USERPRINCIPALNAME", filters["mart_opportunity_value"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_field_of_the_report_is_a_column_or_measure_of_its_table()
    {
        var problems = new List<string>();
        var fields = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Report, "definition"), "visual.json", SearchOption.AllDirectories))
        {
            foreach (var (kind, entity, property) in ReportFields.Read(file))
            {
                fields++;
                var exists = Model.Tables.TryGetValue(entity, out var table) && (kind == "Measure"
                    ? table.Measures.Any(m => m.Name == property)
                    : table.Columns.Any(c => c.Name == property && !c.Node.Flag("isHidden")));
                if (!exists)
                {
                    problems.Add($"{Repository.Relative(file)}: {kind} {entity}.{property} is not a visible {kind.ToLowerInvariant()} of the model");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(fields > 40);
    }

    private static TmdlColumn? Column(ColumnRef reference) =>
        Model.Tables.TryGetValue(reference.Table, out var table) ? table.Columns.FirstOrDefault(c => c.Name == reference.Column) : null;

    private static void CountPaths(string table, ILookup<string, string> edges, Dictionary<string, int> paths)
    {
        foreach (var next in edges[table])
        {
            paths[next] = paths.GetValueOrDefault(next) + 1;
            CountPaths(next, edges, paths);
        }
    }

    private static IEnumerable<string> Unknown(string where, string dax, HashSet<string> measures)
    {
        var references = DaxReferences.Scan(dax);
        foreach (var (table, column) in references.Columns)
        {
            if (!Model.Tables.TryGetValue(table, out var t) || t.Columns.All(c => c.Name != column))
            {
                yield return $"{where}: {table}[{column}] is not a column of the model";
            }
        }

        foreach (var measure in references.Measures.Where(m => !measures.Contains(m)))
        {
            yield return $"{where}: [{measure}] is not a measure of the model";
        }

        foreach (var function in references.Functions.Where(f => !DaxReferences.KnownFunctions.Contains(f)))
        {
            yield return $"{where}: {function}( is not a DAX function the model uses (a typo, or add it to DaxReferences.KnownFunctions)";
        }

        foreach (var name in references.BareNames.Where(n => !Model.Tables.ContainsKey(n) && !references.Variables.Contains(n) && !DaxReferences.Keywords.Contains(n)))
        {
            yield return $"{where}: {name} is neither a table, a variable nor a DAX keyword";
        }
    }
}
