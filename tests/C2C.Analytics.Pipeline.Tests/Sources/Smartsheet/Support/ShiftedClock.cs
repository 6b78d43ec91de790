namespace C2C.Analytics.Pipeline.Tests.Sources.Smartsheet.Support;

/// <summary>The real clock moved forward by <see cref="Offset"/>: "eight days later" without waiting, while delays still elapse.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
