namespace C2C.Analytics.Pipeline.Sources;

/// <summary>Reads a response body chunk by chunk while it is being landed, without holding it.</summary>
internal interface IBodyScanner
{
    void Append(ReadOnlySpan<byte> data);
}
