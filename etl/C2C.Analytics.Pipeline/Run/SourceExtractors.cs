using C2C.Analytics.Calendar;
using C2C.Analytics.Pipeline.Sample;
using C2C.Analytics.Pipeline.Sources.Salesforce;
using C2C.Analytics.Pipeline.Sources.Smartsheet;
using C2C.Analytics.Pipeline.Sources.TrackerFiles;
using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Run;

/// <summary>
/// Chooses a run's source from the configuration: the tracker from an export file when one is given, else from
/// Smartsheet when sheets, workspaces or folders are configured; the built-in sample when no live source is. When
/// Salesforce is configured it is read too, with whichever tracker source is (alone when none is).
/// </summary>
public static class SourceExtractors
{
    /// <exception cref="SmartsheetConfigurationException">Smartsheet is configured, but incompletely.</exception>
    /// <exception cref="SalesforceConfigurationException">Salesforce is configured, but incompletely.</exception>
    public static ISourceExtractor Create(PipelineOptions pipeline, TrackerOptions tracker, CalendarOptions calendar, SmartsheetOptions? smartsheet = null,
        SalesforceOptions? salesforce = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(tracker);
        if (salesforce is not { IsConfigured: true })
        {
            return CreateTracker(pipeline, tracker, calendar, smartsheet);
        }

        var crm = new SalesforceSourceExtractor(salesforce);
        return tracker.Export.IsConfigured || smartsheet is { IsConfigured: true }
            ? new CompositeSourceExtractor(crm, CreateTracker(pipeline, tracker, calendar, smartsheet))
            : crm;
    }

    private static ISourceExtractor CreateTracker(PipelineOptions pipeline, TrackerOptions tracker, CalendarOptions calendar, SmartsheetOptions? smartsheet)
    {
        if (tracker.Export.IsConfigured)
        {
            return new TrackerFileExtractor(tracker);
        }

        if (smartsheet is { IsConfigured: true })
        {
            return new SmartsheetSourceExtractor(smartsheet, tracker);
        }

        return new SampleSourceExtractor(pipeline.Sample, tracker, BusinessCalendar.FromOptions(calendar));
    }
}
