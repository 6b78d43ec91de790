using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Warehouse.Raw;

namespace C2C.Analytics.Pipeline.Tests.Run;

/// <summary>
/// The earliest date the landed sources hold, from which dim_date's range is drawn: every tracker cell whose value is
/// a string written YYYY-MM-DD (whatever its column), and every opportunity's CreatedDate.
/// </summary>
public sealed class CalendarStepTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "c2c-calendar-step-" + Guid.NewGuid().ToString("N"));

    public CalendarStepTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_earliest_date_is_the_earliest_iso_date_string_in_any_cell_or_created_date()
    {
        // Cells, by value: "2023-03-15" (a date); "\u0032023-01-10" (the same text as "2023-01-10", its first digit
        // escaped: a date); 20200101 (a number, not a date string); "2019-02-30" (no such day); " 2018-01-01" and
        // "2017-01-01T00:00:00" (not exactly YYYY-MM-DD); "01/02/2016" (not ISO); true; "1899-12-31" (a date, but before
        // 1900, which the range ignores). Opportunity created 2023-02-01. Earliest accepted: 2023-01-10.
        var sheet = Sheet(
            """{"columnId": 1, "value": "2023-03-15"}""",
            """{"columnId": 2, "value": "\u0032023-01-10"}""",
            """{"columnId": 3, "value": 20200101}""",
            """{"columnId": 4, "value": "2019-02-30"}""",
            """{"columnId": 5, "value": " 2018-01-01"}""",
            """{"columnId": 6, "value": "2017-01-01T00:00:00"}""",
            """{"columnId": 7, "value": "01/02/2016", "displayValue": "2015-01-01"}""",
            """{"columnId": 8, "value": true}""",
            """{"columnId": 9, "value": "1899-12-31"}""");
        using var connection = Load(sheet, Opportunities("2023-02-01T09:30:00.000+0000"));

        Assert.Equal(new DateOnly(2023, 1, 10), CalendarStep.EarliestSourceDate(connection));
    }

    [Fact]
    public void An_opportunity_created_before_every_tracker_date_is_the_earliest()
    {
        // Cells: 2023-03-15; opportunities created 2023-02-01 and 2022-12-31 (23:59 UTC: its date as written).
        using var connection = Load(Sheet("""{"columnId": 1, "value": "2023-03-15"}"""),
            Opportunities("2023-02-01T09:30:00.000+0000", "2022-12-31T23:59:59.000+0000"));

        Assert.Equal(new DateOnly(2022, 12, 31), CalendarStep.EarliestSourceDate(connection));
    }

    [Fact]
    public void Sources_without_any_date_have_no_earliest_date()
    {
        using var connection = Load(Sheet("""{"columnId": 1, "value": "TBD"}""", """{"columnId": 2, "value": 45000}"""), Opportunities());

        Assert.Null(CalendarStep.EarliestSourceDate(connection));
    }

    private static string Sheet(params string[] cells) => $$"""
        {"id": 7, "name": "Tracker", "version": 1, "totalRowCount": 1,
         "columns": [{"id": 1, "index": 0, "title": "A", "type": "TEXT_NUMBER"}],
         "rows": [{"id": 70, "rowNumber": 1, "cells": [{{string.Join(", ", cells)}}]}]}
        """;

    private static string Opportunities(params string[] createdDates) =>
        $$"""{"totalSize": {{createdDates.Length}}, "done": true, "records": [{{string.Join(", ", createdDates.Select((d, i) => $$"""{"Id": "006{{i}}", "CreatedDate": "{{d}}"}"""))}}]}""";

    private DuckDbConnection Load(string sheet, string opportunities)
    {
        var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        foreach (var (source, json) in new[] { (RawSource.SmartsheetSheets, sheet), (RawSource.SalesforceOpportunities, opportunities), (RawSource.SalesforceOpportunityHistory, (string?)null) })
        {
            var files = new List<string>();
            if (json is not null)
            {
                var path = Path.Combine(_directory, source.Records.Name + ".json");
                File.WriteAllText(path, json);
                files.Add(path);
            }

            RawLoader.Load(connection, source, files);
        }

        return connection;
    }
}
