namespace C2C.Analytics.Pipeline.Report;

/// <summary>One bad row of a rates file: the line (1-based; 0 for the whole file), the field and what is wrong.</summary>
public sealed record FxRateFileError(int Line, string? Field, string Reason);

/// <summary>A rates file has bad rows; every one is listed and nothing is run.</summary>
public sealed class FxRateFileException(string path, IReadOnlyList<FxRateFileError> errors)
    : Exception(Describe(path, errors))
{
    public string FilePath { get; } = path;

    public IReadOnlyList<FxRateFileError> Errors { get; } = errors;

    private static string Describe(string path, IReadOnlyList<FxRateFileError> errors) =>
        $"Rates file '{path}' has {(errors.Count == 1 ? "1 problem" : $"{errors.Count} problems")}; nothing was run:" + Environment.NewLine
        + string.Join(Environment.NewLine, errors.Select(e =>
            $"  {path}:{(e.Line > 0 ? e.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" : "")}{(e.Field is null ? "" : " " + e.Field + ":")} {e.Reason}"));
}
