namespace C2C.Analytics.Warehouse.Models;

/// <summary>The models on disk do not form a valid project: a cycle, an unknown dependency, a duplicate name.</summary>
public sealed class ModelCatalogException(string message) : Exception(message);
