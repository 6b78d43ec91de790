namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

/// <summary>A sheet to read: by configured ID, or found in a workspace or folder (then read only when it matches the template).</summary>
internal sealed record SheetRef(long Id, string? Name, bool Discovered)
{
    public string Subject => Name is null ? $"sheet {Id}" : $"sheet {Id} '{Name}'";
}
