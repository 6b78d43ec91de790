namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>What one read of an object landed: records, pages, and the latest SystemModstamp among the records.</summary>
internal sealed record ObjectRead(long Records, int Pages, DateTimeOffset? LatestModstamp);
