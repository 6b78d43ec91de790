namespace C2C.Analytics.Pipeline.Sources.TrackerFiles;

/// <summary>How a value was stored in the file: CSV has only text; an XLSX cell may be a number, a boolean or a date.</summary>
internal enum TrackerFileValueKind
{
    Text,
    Number,
    Boolean,
    Date,
}
