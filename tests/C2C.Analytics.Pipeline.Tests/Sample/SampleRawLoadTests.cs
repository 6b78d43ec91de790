using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline.Tests.Sample.Support;
using C2C.Analytics.Warehouse.Raw;
using Dapper;

namespace C2C.Analytics.Pipeline.Tests.Sample;

/// <summary>
/// The sample loads through <see cref="RawLoader"/> — the same raw tables live pages load into — and the bad rows it
/// planted are there for the reject path to find.
/// </summary>
public sealed class SampleRawLoadTests : IClassFixture<SharedSample>, IDisposable
{
    private readonly SampleFolder _sample;
    private readonly DuckDbConnection _connection;

    public SampleRawLoadTests(SharedSample shared)
    {
        _sample = shared.Sample;
        _connection = new DuckDbConnection("Data Source=:memory:");
        _connection.Open();
        foreach (var source in RawSource.All)
        {
            RawLoader.Load(_connection, source, _sample.Files(source.Source, source.Entity));
        }
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void Every_page_and_record_loads()
    {
        Assert.Equal(_sample.Result.Opportunities, _connection.ExecuteScalar<long>("SELECT count(*) FROM raw_salesforce__opportunities"));
        Assert.Equal(_sample.Result.HistoryRecords, _connection.ExecuteScalar<long>("SELECT count(*) FROM raw_salesforce__opportunity_history"));
        Assert.Equal(_sample.Result.TrackerRows, _connection.ExecuteScalar<long>("SELECT count(*) FROM raw_smartsheet__sheet_rows"));
        Assert.Equal(_sample.Files("smartsheet", "tracker").Count, _connection.ExecuteScalar<long>("SELECT count(*) FROM raw_smartsheet__sheet_pages"));
        Assert.Equal(
            _sample.Result.Sheets.Sum(s => (long)s.Rows * s.Pages),
            _connection.ExecuteScalar<long>("SELECT sum(totalRowCount)::BIGINT FROM raw_smartsheet__sheet_pages"));
        Assert.Equal(
            _sample.Result.Engagements,
            _connection.ExecuteScalar<long>("SELECT count(*) FROM raw_salesforce__opportunities WHERE record->>'StageName' = 'Closed Won'"));
    }

    [Fact]
    public void About_one_percent_of_rows_are_planted_bad_spread_over_the_sheets_with_every_reason()
    {
        var planted = _sample.Result.PlantedProblems;

        Assert.Equal(
            ["completion_after_as_of", "duplicate_id", "formula_error", "invalid_id", "missing_id", "unknown_status", "unparseable_date"],
            planted.Select(p => p.Reason).Distinct().Order(StringComparer.Ordinal));
        Assert.InRange(planted.Count, 12, 30); // 1% of 1,200 is 12 plantings; a duplicate is two rows
        Assert.Equal(3, planted.Select(p => p.SheetId).Distinct().Count());
        Assert.Equal(planted.Count, planted.Select(p => p.RowId).Distinct().Count());
        Assert.Contains(planted, p => p.Value == "TBD");
        Assert.Contains(planted, p => p.Value is not null && p.Value.StartsWith("31/02/", StringComparison.Ordinal));
        Assert.Contains(planted, p => p.Value == "Finished?");
        Assert.Contains(planted, p => p.Value == "#INVALID DATA TYPE");
    }

    [Fact]
    public void Each_planted_value_is_in_its_row_and_column_as_landed()
    {
        foreach (var problem in _sample.Result.PlantedProblems)
        {
            var cells = _connection.Query<(string? Value, string? Formula)>("""
                SELECT cell."value" ->> '$', cell.formula
                FROM raw_smartsheet__sheet_rows AS tracker_row
                JOIN raw_smartsheet__sheet_pages AS page USING (file_name),
                     unnest(tracker_row.cells) AS t(cell)
                WHERE tracker_row.sheet_id = $sheet_id AND tracker_row.id = $row_id AND tracker_row.rowNumber = $row_number
                  AND cell.columnId = list_filter(page."columns", c -> c.title = $title)[1].id
                """, new { sheet_id = problem.SheetId, row_id = problem.RowId, row_number = problem.RowNumber, title = problem.ColumnTitle }).ToList();

            var cell = Assert.Single(cells);
            Assert.Equal(problem.Value, cell.Value);
            Assert.Equal(problem.Reason == "formula_error", cell.Formula is not null);
        }
    }

    [Fact]
    public void A_duplicated_id_is_two_rows_that_normalise_to_one_deal()
    {
        var pairs = _sample.Result.PlantedProblems.Where(p => p.Reason == "duplicate_id").GroupBy(p => p.DealId).ToList();

        Assert.NotEmpty(pairs);
        Assert.All(pairs, pair =>
        {
            Assert.Equal(2, pair.Count());
            Assert.Equal([15, 18], pair.Select(p => p.Value!.Length).Order());
            Assert.All(pair, p => Assert.StartsWith(p.Value!, pair.Key, StringComparison.Ordinal));
        });
    }
}
