namespace C2C.Analytics.SqlServer.Catalog;

/// <summary>The warehouse's tables or their declarations cannot be published as they are; the message says what to change.</summary>
public sealed class WarehouseCatalogException(string message) : PublishException(message);
