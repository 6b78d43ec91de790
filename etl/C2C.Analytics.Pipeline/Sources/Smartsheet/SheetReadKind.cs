namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

/// <summary>What a read of one sheet found.</summary>
internal enum SheetReadKind
{
    /// <summary>The sheet's version is the one asked about: nothing was landed.</summary>
    Unchanged,

    /// <summary>Every row, in pages.</summary>
    Full,

    /// <summary>The rows modified since a time, in one page.</summary>
    Changes,

    /// <summary>A discovered sheet without the template's columns: nothing was landed.</summary>
    NotTemplate,
}
