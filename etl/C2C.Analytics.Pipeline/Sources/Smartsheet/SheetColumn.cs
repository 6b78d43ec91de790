namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

/// <summary>One column of a sheet, as the template check needs it.</summary>
internal sealed record SheetColumn(long Id, string Title);
