namespace C2C.Analytics.Pipeline.Report;

/// <summary>From <paramref name="Date"/> on (until the currency's next rate), one unit of <paramref name="Currency"/> is worth <paramref name="Rate"/> units of the reporting currency.</summary>
public sealed record FxRate(DateOnly Date, string Currency, decimal Rate);
