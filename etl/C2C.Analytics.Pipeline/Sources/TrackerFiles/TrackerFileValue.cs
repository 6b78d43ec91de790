namespace C2C.Analytics.Pipeline.Sources.TrackerFiles;

/// <summary>One non-empty cell of an export, as text (numbers invariant, dates <c>yyyy-MM-dd</c>), with its kind.</summary>
internal readonly record struct TrackerFileValue(string Text, TrackerFileValueKind Kind);
