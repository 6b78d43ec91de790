using System.Globalization;
using System.Text;

namespace C2C.Analytics.Pipeline.Report.Html;

/// <summary>
/// Charts drawn on the server as inline SVG: no script, no network, they print and they scale with the page (viewBox,
/// width 100%). Every mark has a tooltip (&lt;title&gt;); the page puts the numbers in a table beside each chart.
/// Every label is encoded.
/// </summary>
public static class SvgChart
{
    public static readonly string[] Palette = ["#2563eb", "#16a34a", "#f59e0b", "#dc2626", "#7c3aed", "#0891b2", "#db2777", "#65a30d"];

    private const int Width = 640;
    private const int LabelWidth = 150;
    private const int ValueWidth = 170;
    private const int RowHeight = 26;

    public static string HorizontalBars(string label, IReadOnlyList<ChartItem> items, string color = "#2563eb")
    {
        var height = items.Count * RowHeight + 8;
        var max = Math.Max(items.Max(i => i.Value ?? 0), 1e-9);
        var svg = Open(label, height);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var y = 4 + i * RowHeight;
            var width = (item.Value ?? 0) / max * (Width - LabelWidth - ValueWidth);
            svg.Append(Text(LabelWidth - 8, y + 17, item.Label, "end"));
            svg.Append(Rect(LabelWidth, y + 4, width, RowHeight - 8, color, item.Tooltip));
            svg.Append(Text(LabelWidth + width + 6, y + 17, item.ValueText, "start", "value"));
        }

        return svg.Append("</svg>").ToString();
    }

    public static string StackedBars(string label, IReadOnlyList<string> series, IReadOnlyList<StackedRow> rows, IReadOnlyList<string>? colors = null)
    {
        colors ??= Palette;
        const int legendHeight = 24;
        var height = legendHeight + rows.Count * RowHeight + 8;
        var max = Math.Max(rows.Max(r => r.Values.Sum()), 1e-9);
        var svg = Open(label, height);
        var x = 4.0;
        for (var s = 0; s < series.Count; s++)
        {
            svg.Append(Rect(x, 6, 12, 12, colors[s % colors.Count], series[s]));
            svg.Append(Text(x + 16, 16, series[s], "start", "legend"));
            x += 22 + series[s].Length * 7;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = legendHeight + 4 + i * RowHeight;
            svg.Append(Text(LabelWidth - 8, y + 17, row.Label, "end"));
            var left = (double)LabelWidth;
            for (var s = 0; s < row.Values.Count; s++)
            {
                var width = row.Values[s] / max * (Width - LabelWidth - ValueWidth);
                svg.Append(Rect(left, y + 4, width, RowHeight - 8, colors[s % colors.Count], row.Tooltips[s]));
                left += width;
            }

            svg.Append(Text(left + 6, y + 17, row.Values.Sum().ToString("#,##0", CultureInfo.InvariantCulture), "start", "value"));
        }

        return svg.Append("</svg>").ToString();
    }

    public static string Columns(string label, IReadOnlyList<ChartItem> items, string color = "#2563eb")
    {
        const int height = 220;
        const int bottom = 28;
        const int top = 18;
        var max = Math.Max(items.Max(i => i.Value ?? 0), 1e-9);
        var slot = (double)(Width - 20) / items.Count;
        var every = Math.Max(1, (int)Math.Ceiling(items.Count / 12.0));
        var svg = Open(label, height);
        svg.Append(Line(10, height - bottom, Width - 10, height - bottom));
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var barHeight = (item.Value ?? 0) / max * (height - bottom - top);
            var x = 10 + i * slot;
            svg.Append(Rect(x + slot * 0.15, height - bottom - barHeight, slot * 0.7, barHeight, color, item.Tooltip));
            if (items.Count <= 12)
            {
                svg.Append(Text(x + slot / 2, height - bottom - barHeight - 4, item.ValueText, "middle", "value"));
            }

            if (i % every == 0)
            {
                svg.Append(Text(x + slot / 2, height - 10, item.Label, "middle", "axis"));
            }
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>A line over 0–<paramref name="yMax"/> (percentages by default); a null value breaks the line.</summary>
    public static string LineChart(string label, IReadOnlyList<ChartItem> points, double yMax = 100, string color = "#16a34a")
    {
        const int height = 220;
        const int bottom = 28;
        const int top = 14;
        const int left = 44;
        var plot = height - bottom - top;
        var slot = (double)(Width - left - 10) / Math.Max(points.Count, 1);
        var svg = Open(label, height);
        foreach (var tick in new[] { 0.0, 0.5, 1.0 })
        {
            var y = height - bottom - tick * plot;
            svg.Append(Line(left, y, Width - 10, y, "grid"));
            svg.Append(Text(left - 6, y + 4, (tick * yMax).ToString("0", CultureInfo.InvariantCulture) + (yMax == 100 ? "%" : ""), "end", "axis"));
        }

        var path = new StringBuilder();
        var every = Math.Max(1, (int)Math.Ceiling(points.Count / 12.0));
        for (var i = 0; i < points.Count; i++)
        {
            var x = left + slot * (i + 0.5);
            if (i % every == 0)
            {
                svg.Append(Text(x, height - 10, points[i].Label, "middle", "axis"));
            }

            if (points[i].Value is not { } value)
            {
                path.Append(' ');
                continue;
            }

            var y = height - bottom - Math.Clamp(value / yMax, 0, 1) * plot;
            path.Append(path.Length == 0 || path[^1] == ' ' ? "M" : "L").Append(N(x)).Append(',').Append(N(y));
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"4\" fill=\"{color}\"><title>{HtmlText.Encode(points[i].Tooltip)}</title></circle>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{path.ToString().Trim()}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2.5\"/>");
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string label, int height) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart-svg\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" role=\"img\" aria-label=\"{HtmlText.Encode(label)}\">");

    private static string Rect(double x, double y, double width, double height, string color, string tooltip) =>
        $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(width, 0))}\" height=\"{N(Math.Max(height, 0))}\" fill=\"{color}\" rx=\"2\"><title>{HtmlText.Encode(tooltip)}</title></rect>";

    private static string Text(double x, double y, string text, string anchor, string cssClass = "label") =>
        $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" class=\"{cssClass}\">{HtmlText.Encode(text)}</text>";

    private static string Line(double x1, double y1, double x2, double y2, string cssClass = "axis-line") =>
        $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" class=\"{cssClass}\"/>";

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
