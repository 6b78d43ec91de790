namespace C2C.Analytics.Pipeline.Report.Html;

/// <summary>One bar, column or point: its label, its value (null: no point), the text shown beside it and its tooltip.</summary>
public sealed record ChartItem(string Label, double? Value, string ValueText, string Tooltip);

/// <summary>One row of a stacked bar chart: its label and one value per series (in series order), with tooltips.</summary>
public sealed record StackedRow(string Label, IReadOnlyList<double> Values, IReadOnlyList<string> Tooltips);
