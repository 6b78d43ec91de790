namespace C2C.Analytics.SqlServer.Schema;

/// <summary>
/// Compares a published table with the warehouse's definition of it. A column added upstream, a wider type or a
/// changed nullability is carried over; a removed column or a type that cannot hold the old values is breaking, and
/// the publish stops on it unless breaking changes are accepted (the table is then rebuilt from the warehouse).
/// SQL Server compares names without regard to case, so the comparison does too.
/// </summary>
public static class SchemaComparer
{
    /// <param name="planned">The table as the warehouse defines it now.</param>
    /// <param name="existing">Its columns on the server, or null when the server has no such table.</param>
    public static IReadOnlyList<SchemaChange> Compare(TargetTable planned, IReadOnlyList<ExistingColumn>? existing)
    {
        if (existing is null)
        {
            return [new SchemaChange(planned.Name, SchemaChangeKind.TableCreated, Columns: planned.Columns.Count)];
        }

        var changes = new List<SchemaChange>();
        var onServer = existing.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var column in planned.Columns)
        {
            if (!onServer.TryGetValue(column.Name, out var old))
            {
                changes.Add(new SchemaChange(planned.Name, SchemaChangeKind.ColumnAdded, column.Name, To: column.Type));
                continue;
            }

            if (old.Type != column.Type)
            {
                changes.Add(column.Type.Holds(old.Type)
                    ? new SchemaChange(planned.Name, SchemaChangeKind.TypeWidened, column.Name, old.Type, column.Type)
                    : new SchemaChange(planned.Name, SchemaChangeKind.TypeNarrowed, column.Name, old.Type, column.Type));
            }

            if (old.IsNullable != column.IsNullable)
            {
                changes.Add(new SchemaChange(planned.Name, SchemaChangeKind.NullabilityChanged, column.Name, NowNullable: column.IsNullable));
            }
        }

        var inWarehouse = planned.Columns.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        changes.AddRange(existing.Where(c => !inWarehouse.Contains(c.Name))
            .Select(c => new SchemaChange(planned.Name, SchemaChangeKind.ColumnRemoved, c.Name, From: c.Type)));
        return changes;
    }
}
