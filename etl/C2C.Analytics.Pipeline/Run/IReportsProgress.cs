namespace C2C.Analytics.Pipeline.Run;

/// <summary>
/// A source that tells a person what it is doing (sheets read, skipped, unchanged): the runner forwards its lines to
/// its own <see cref="PipelineRunner.Progress"/>.
/// </summary>
public interface IReportsProgress
{
    event Action<string>? Progress;
}
