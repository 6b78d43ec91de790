using System.Globalization;
using System.Text.RegularExpressions;
using C2C.Analytics.DuckDb;
using C2C.Analytics.PowerBi.Tests.Support;
using C2C.Analytics.PowerBi.Tests.Tmdl;
using Dapper;

namespace C2C.Analytics.PowerBi.Tests;

/// <summary>
/// Every DAX measure against the SQL it mirrors, on the sample (seed 42, as of 2025-06-30): its SQL mirror
/// (<see cref="MeasureMirrors"/>) over the Parquet export gives, at each grain where a mart publishes the same figure,
/// exactly the mart's number; the README lists its total beside the measure; every figure a left-out mart publishes is
/// some measure's.
/// </summary>
[Collection(SampleWarehouseCollection.Name)]
public sealed partial class MeasureCrossCheckTests(SampleWarehouse sample)
{
    private static readonly SemanticModelFiles Model = SemanticModelFiles.Load(Repository.Definition);

    /// <summary>Measures that only serve others (hidden) or state the run's date.</summary>
    private static readonly string[] NotFigures = ["as_of_date", "cash_period_from", "current_stage_key"];

    [Fact]
    public void Every_measure_has_a_SQL_mirror_and_every_mirror_a_measure()
    {
        var measures = Model.AllMeasures.Select(m => m.Measure.Name).Except(NotFigures).Order(StringComparer.Ordinal).ToList();
        var mirrored = MeasureMirrors.All.Select(m => m.Measure).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(measures, mirrored);
    }

    [Fact]
    public void Each_measure_s_mirror_equals_the_marts_at_their_grain()
    {
        using var connection = sample.OpenExport();
        var differences = new List<string>();
        var compared = 0;
        foreach (var mirror in MeasureMirrors.All)
        {
            foreach (var grain in mirror.Grains)
            {
                var expected = Rows(connection, MeasureMirror.MartSql(grain, mirror.Measure), grain.MartKeys.Length);
                var actual = Rows(connection, mirror.GrainSql(grain), grain.MirrorKeys.Length);
                Assert.True(expected.Count > 0, $"{grain.Mart} has no rows to compare {mirror.Measure} with");
                foreach (var key in expected.Keys.Union(actual.Keys))
                {
                    var martValue = expected.GetValueOrDefault(key);
                    var mirrorValue = actual.GetValueOrDefault(key);
                    if (mirror.Additive)
                    {
                        martValue ??= 0m;
                        mirrorValue ??= 0m;
                    }

                    compared++;
                    if (Round(mirrorValue, mirror.Kind) != Round(martValue, mirror.Kind))
                    {
                        differences.Add($"{mirror.Measure} at {grain.Mart} [{key}]: mirror {mirrorValue}, mart {grain.MartColumn ?? mirror.Measure} {martValue}");
                    }
                }
            }
        }

        Assert.True(differences.Count == 0, $"{differences.Count} of {compared} figures differ:\n" + string.Join("\n", differences.Take(30)));
        Assert.True(compared > 500, $"only {compared} figures were compared");
    }

    [Fact]
    public void The_README_lists_each_measure_s_sample_figure_as_its_mirror_computes_it()
    {
        var readme = File.ReadAllText(Repository.Readme);
        var listed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match row in FigureRow().Matches(readme))
        {
            listed[row.Groups["measure"].Value] = row.Groups["figure"].Value.Trim();
        }

        using var connection = sample.OpenExport();
        var wrong = new List<string>();
        foreach (var mirror in MeasureMirrors.All)
        {
            var figure = Format(connection.ExecuteScalar(mirror.TotalSql), mirror.Kind);
            if (listed.GetValueOrDefault(mirror.Measure) != figure)
            {
                wrong.Add($"| `{mirror.Measure}` | {figure} |   (README says {listed.GetValueOrDefault(mirror.Measure) ?? "nothing"})");
            }
        }

        var asOf = connection.ExecuteScalar<DateTime>("SELECT max(as_of) FROM fct_engagement_stage");
        if (listed.GetValueOrDefault("as_of_date") != asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        {
            wrong.Add($"| `as_of_date` | {asOf:yyyy-MM-dd} |");
        }

        Assert.True(wrong.Count == 0,
            "powerbi/README.md's cross-check table is out of date with the sample; the figures are:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Every_figure_a_mart_outside_the_model_publishes_is_a_measure_s()
    {
        using var connection = sample.OpenReadOnly();
        var modelTables = Model.Tables.Keys.ToHashSet(StringComparer.Ordinal);
        var martColumns = connection.Query<(string Table, string Column)>("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = 'main' AND table_name LIKE 'mart\_%' ESCAPE '\'
                AND (data_type IN ('BIGINT', 'INTEGER', 'DOUBLE') OR data_type LIKE 'DECIMAL%')
            ORDER BY table_name, ordinal_position
            """).Where(c => !modelTables.Contains(c.Table)).ToList();
        var covered = MeasureMirrors.All.SelectMany(m => m.Grains.Select(g => (g.Mart, g.MartColumn ?? m.Measure))).ToHashSet();
        var metricsText = File.ReadAllText(Repository.Metrics);

        var missing = martColumns
            .Where(c => !covered.Contains(c) && !MeasureMirrors.NotMeasures.ContainsKey(c.Column) && !c.Column.EndsWith("_unconverted_count", StringComparison.Ordinal))
            .Select(c => $"{c.Table}.{c.Column}")
            .ToList();
        Assert.True(missing.Count == 0, "figures of the marts with no measure (write one in tables/metrics.tmdl and its mirror): " + string.Join(", ", missing));
        var undocumented = martColumns.Select(c => c.Table).Distinct().Where(t => !metricsText.Contains($"`{t}`", StringComparison.Ordinal)).ToList();
        Assert.True(undocumented.Count == 0, "marts METRICS.md does not describe: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void Every_metric_METRICS_md_names_for_the_lifecycle_facts_is_a_measure()
    {
        var metrics = File.ReadAllText(Repository.Metrics);
        var section = metrics[metrics.IndexOf("### Measures built on it", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", StringComparison.Ordinal)];
        // The first cell of each row of the table names the metric: **SLA compliance %** (`sla_compliance_pct`).
        var names = section.Split('\n').Where(l => l.StartsWith("| **", StringComparison.Ordinal))
            .SelectMany(l => MetricName().Matches(l.Split('|')[1]).Select(m => m.Groups[1].Value))
            .ToList();
        var measures = Model.AllMeasures.Select(m => m.Measure.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("gate_violation_count", names);
        Assert.All(names.Where(n => n.StartsWith('_')), n => Assert.Contains("cycle_time_bd" + n, measures));
        Assert.All(names.Where(n => !n.StartsWith('_')), n => Assert.Contains(n, measures));
    }

    private static Dictionary<string, decimal?> Rows(DuckDbConnection connection, string sql, int keys)
    {
        var rows = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var key = string.Join(" | ", Enumerable.Range(0, keys).Select(i => reader.IsDBNull(i) ? "NULL" : reader.GetString(i)));
            rows[key] = reader.IsDBNull(keys) ? null : Number(reader.GetValue(keys));
        }

        return rows;
    }

    /// <summary>Any number DuckDB returns (sums of integers are HUGEINT, read as Int128) as a decimal.</summary>
    private static decimal Number(object value) =>
        decimal.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static decimal? Round(decimal? value, FigureKind kind) =>
        value is null ? null : Math.Round(value.Value, kind switch { FigureKind.Count => 0, FigureKind.Amount => 2, _ => 1 }, MidpointRounding.AwayFromZero);

    public static string Format(object? value, FigureKind kind)
    {
        if (value is null or DBNull)
        {
            return kind == FigureKind.OneDecimal ? "(blank)" : "0";
        }

        var number = Round(Number(value), kind)!.Value;
        return number.ToString(kind switch { FigureKind.Count => "#,0", FigureKind.Amount => "#,0.00", _ => "#,0.0" }, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^\| `(?<measure>[a-z0-9_]+)` \| (?<figure>[^|]+)\|", RegexOptions.Multiline)]
    private static partial Regex FigureRow();

    [GeneratedRegex(@"`([a-z0-9_]+)`")]
    private static partial Regex MetricName();
}
