using C2C.Analytics.Pipeline.Landing;

namespace C2C.Analytics.Pipeline.Sample;

/// <summary>What <see cref="SampleGenerator"/> landed, and what it planted for the tests downstream to find.</summary>
public sealed record SampleResult(
    string RunId,
    IReadOnlyList<LandingManifest> Manifests,
    int Engagements,
    int Opportunities,
    int HistoryRecords,
    IReadOnlyList<SampleSheet> Sheets,
    IReadOnlyList<PlantedProblem> PlantedProblems,
    IReadOnlyList<PlantedGateViolation> GateViolations,
    PlantedMarkup MarkupNote)
{
    /// <summary>Tracker rows over all sheets, planted duplicates included.</summary>
    public int TrackerRows => Sheets.Sum(s => s.Rows);
}

/// <summary>One sample sheet: its Smartsheet id, name, rows and the page files it was landed in.</summary>
public sealed record SampleSheet(long SheetId, string Name, int Rows, int Pages);

/// <summary>
/// A bad tracker row the sample planted, as the reject path should report it: <see cref="Field"/> and
/// <see cref="Reason"/> use the names of <c>int_tracker_row_problems</c> (<c>opportunity_id</c> /
/// <c>stage_date:kickoff</c> / <c>stage_status:kickoff</c>; <c>missing_id</c>, <c>invalid_id</c>, <c>duplicate_id</c>,
/// <c>unparseable_date</c>, <c>unknown_status</c>, <c>formula_error</c>, <c>completion_after_as_of</c>).
/// <see cref="Value"/> is the cell's text as landed (null for an empty cell). Each planted row has exactly one problem,
/// except that a duplicated ID is two rows, both listed.
/// </summary>
public sealed record PlantedProblem(
    long SheetId,
    string SheetName,
    long RowId,
    int RowNumber,
    string DealId,
    string Field,
    string ColumnTitle,
    string Reason,
    string? Value);

/// <summary>A stage completed out of order in a row that otherwise loads: a gate violation for the lifecycle facts.</summary>
public sealed record PlantedGateViolation(string DealId, string StageKey);

/// <summary>Where the note with a script tag is (HTML output must encode it).</summary>
public sealed record PlantedMarkup(long SheetId, long RowId, string DealId, string ColumnTitle, string Text);
