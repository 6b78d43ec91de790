namespace C2C.Analytics.Pipeline.Sources.TrackerFiles;

/// <summary>A tracker export that cannot be read as a table (not CSV/XLSX, a quote never closed, a record with more fields than titles): names file, row and field.</summary>
public sealed class TrackerFileException(string message, Exception? inner = null) : Exception(message, inner);
