namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

/// <summary>A sheet changed between the pages of every attempt to read it in full, so no consistent copy could be had.</summary>
public sealed class SheetChangedWhileReadingException(string message) : Exception(message);
