using C2C.Analytics.Calendar;
using C2C.Analytics.Pipeline.Sample;
using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Run;

/// <summary>Chooses a run's source from the configuration. Until a live source is configured, that is the built-in sample.</summary>
public static class SourceExtractors
{
    public static ISourceExtractor Create(PipelineOptions pipeline, TrackerOptions tracker, CalendarOptions calendar)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return new SampleSourceExtractor(pipeline.Sample, tracker, BusinessCalendar.FromOptions(calendar));
    }
}
