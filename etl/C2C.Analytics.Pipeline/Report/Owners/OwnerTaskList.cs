namespace C2C.Analytics.Pipeline.Report.Owners;

/// <summary>One owner's task list as written: who, how many actions, and the two files (names relative to the owners folder).</summary>
public sealed record OwnerTaskList(string? OwnerId, string OwnerName, string? OwnerEmail, int ActionCount, string HtmlFile, string CsvFile);
