namespace C2C.Analytics.PowerBi.Tests.Support;

/// <summary>How a figure is shown and compared: counts exactly, amounts to the cent, averages and percentages to 0.1.</summary>
public enum FigureKind
{
    Count,
    Amount,
    OneDecimal,
}

/// <summary>
/// Where a mart publishes the figure a measure computes: the mart, its column (the measure's name unless renamed), the
/// mart's key columns and the same keys computed over the mirror's rows (the model slices by them through dim_stage,
/// dim_date, dim_owner or a column of the row table), and a date filter a visual would set (optional).
/// </summary>
public sealed record MirrorGrain(string Mart, string? MartColumn, string[] MartKeys, string[] MirrorKeys, string? Where = null);

/// <summary>
/// A DAX measure written again in DuckDB SQL, by hand, over the Parquet export as the model loads it: <see cref="Rows"/>
/// are the rows the measure's filters keep and <see cref="Value"/> is what it computes over them. The cross-check runs it
/// at each mart's grain and compares with the figure the SQL models published; its total (no filter) is the figure the
/// README lists beside the measure.
/// </summary>
public sealed record MeasureMirror(string Measure, FigureKind Kind, bool Additive, string Rows, string Value, params MirrorGrain[] Grains)
{
    public string TotalSql => $"SELECT {Value} FROM ({Rows}) AS r";

    public string GrainSql(MirrorGrain grain) =>
        $"SELECT {string.Join(", ", grain.MirrorKeys.Select((k, i) => $"CAST({k} AS VARCHAR) AS k{i}"))}{(grain.MirrorKeys.Length > 0 ? ", " : "")}{Value} AS v " +
        $"FROM ({Rows}) AS r{(grain.Where is null ? "" : " WHERE " + grain.Where)}{(grain.MirrorKeys.Length > 0 ? " GROUP BY ALL" : "")}";

    public static string MartSql(MirrorGrain grain, string measure) =>
        $"SELECT {string.Join(", ", grain.MartKeys.Select((k, i) => $"CAST({k} AS VARCHAR) AS k{i}"))}{(grain.MartKeys.Length > 0 ? ", " : "")}" +
        $"{grain.MartColumn ?? measure} AS v FROM wh.{grain.Mart}";
}
