namespace C2C.Analytics.Warehouse.Models;

/// <summary>
/// A model that keeps its table across runs (incremental, history) would break that table's rules: rows outside what
/// the run may replace, a key twice, a run date before the history already kept. Names the file; inside the run's
/// transaction, which then rolls back, nothing the model did is kept.
/// </summary>
public sealed class ModelRefusedException(SqlModel model, string reason)
    : Exception($"Model {model.RelativePath}: {reason}")
{
    public SqlModel Model { get; } = model;
}
