namespace C2C.Analytics.Pipeline.Sources.TrackerFiles;

/// <summary>One record of an export: its row number as a spreadsheet shows it (the title row is 1) and its cells by column.</summary>
internal sealed record TrackerFileRow(int RowNumber, IReadOnlyList<TrackerFileValue?> Values);
