namespace C2C.Analytics.Pipeline.PowerBi;

/// <summary>The warehouse has something the semantic model cannot represent, or the model's folder is not usable.</summary>
public sealed class PowerBiModelException(string message) : Exception(message);
