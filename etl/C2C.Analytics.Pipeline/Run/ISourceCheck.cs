namespace C2C.Analytics.Pipeline.Run;

/// <summary>
/// A source that can say, without extracting anything, whether it can be reached as configured (the file is there,
/// the API answers to the token). <c>c2c validate</c> asks every configured source that implements it.
/// </summary>
public interface ISourceCheck
{
    Task<SourceCheckResult> CheckAsync(CancellationToken cancellationToken);
}

/// <summary>What one check found: which source, whether it can be reached, and a line a person can act on.</summary>
public sealed record SourceCheckResult(string Source, bool Succeeded, string Detail);
