using System.Text;
using C2C.Analytics.Pipeline.Report.Data;

namespace C2C.Analytics.Pipeline.Report.Html;

/// <summary>
/// The executive dashboard: one self-contained HTML file (style, script and data inline; nothing fetched when it is
/// opened), readable on a laptop and a phone, printable. Headline figures, then one panel per mart, then the action
/// queue as a sortable, filterable, paged table. Every value from a source is encoded.
/// </summary>
public static partial class DashboardPage
{
    public static string Render(DashboardData data, DateTimeOffset generatedAt, int queueRows)
    {
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(DashboardAssets.ContentSecurityPolicy).Append("\">")
            .Append("<title>Contract-to-Cash dashboard").Append(data.Headline is { } h ? " — as of " + Format.Date(h.AsOf) : "").Append("</title>")
            .Append("<style>").Append(DashboardAssets.Style).Append("</style></head><body>");
        Header(html, data, generatedAt);
        html.Append("<main>");
        if (!data.HasData)
        {
            html.Append("<section class=\"panel empty\" id=\"no-data\"><h2>No data</h2><p>The warehouse holds no engagements yet")
                .Append(data.Headline is null ? " (no run has built the marts)" : "")
                .Append(". Run <code>c2c run</code>, then open this report again.</p></section>");
        }
        else
        {
            Headlines(html, data);
            html.Append("<div class=\"grid\">");
            Pipeline(html, data);
            Aging(html, data);
            SlaTrend(html, data);
            Bottlenecks(html, data);
            CycleTime(html, data);
            Throughput(html, data);
            TeamActions(html, data);
            Cash(html, data);
            SalesPipeline(html, data);
            html.Append("</div>");
            ActionQueue.Render(html, data, queueRows);
        }

        html.Append("</main><footer class=\"muted\">Definitions of every figure: warehouse/METRICS.md. Generated ")
            .Append(HtmlText.Encode(generatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)))
            .Append(" by C2C.Analytics.</footer>");
        html.Append("<script>").Append(DashboardAssets.Script).Append("</script></body></html>");
        return html.ToString();
    }

    private static void Header(StringBuilder html, DashboardData data, DateTimeOffset generatedAt)
    {
        html.Append("<header><h1>Contract-to-Cash dashboard</h1><div class=\"meta\">");
        if (data.Headline is { } headline)
        {
            html.Append("As of <strong id=\"as-of\">").Append(Format.Date(headline.AsOf)).Append("</strong> · ")
                .Append(Format.Count(headline.EngagementCount)).Append(" engagements · totals in ")
                .Append(HtmlText.Encode(headline.ReportingCurrency));
        }
        else
        {
            html.Append("Generated ").Append(HtmlText.Encode(generatedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        html.Append("</div>");
        if (data.CurrencyExceptions.Count > 0 && data.Headline is { } h)
        {
            html.Append("<div class=\"exceptions\" id=\"currency-exceptions\"><strong>Left out of every total</strong> (no rate to ")
                .Append(HtmlText.Encode(h.ReportingCurrency)).Append(" on the date needed): ");
            html.AppendJoin("; ", data.CurrencyExceptions.Select(e =>
                HtmlText.Encode($"{Format.Count(e.Count)} {e.RecordType}{(e.Count == 1 ? "" : "s")} {Format.Amount(e.Amount, e.Currency)}")));
            html.Append(". Add their rates to the rates file (Report:RatesFile) to include them.</div>");
        }

        html.Append("</header>");
    }

    private static void Headlines(StringBuilder html, DashboardData data)
    {
        var h = data.Headline!;
        html.Append("<section class=\"cards\" id=\"headline\" aria-label=\"Headline figures\">");
        Card(html, "payment_backlog", "Payment backlog", Format.Raw(h.PaymentBacklog), Format.Money(h.PaymentBacklog, h.ReportingCurrency),
            $"{Format.Count(h.PaymentBacklogCount)} invoices sent, not paid"
            + (h.PaymentBacklogUnconverted > 0 ? $" ({Format.Count(h.PaymentBacklogUnconverted)} without a {h.ReportingCurrency} rate left out)" : ""));
        Card(html, "overdue_stages", "Overdue stages", Format.Raw(h.OverdueStages), Format.Count(h.OverdueStages),
            $"{Format.Count(h.StuckStages)} stuck · {Format.Count(h.OpenStages)} open");
        Card(html, "sla_compliance_this_month", "SLA compliance this month", h.SlaThisMonthPct is { } pct ? Format.Raw(pct) : "",
            Format.Percent(h.SlaThisMonthPct), "", ("sla_compliance_last_month", h.SlaLastMonthPct, "last month " + Format.Percent(h.SlaLastMonthPct)));
        Card(html, "contract_to_cash_days", "Median contract-to-cash days",
            h.ContractToCashDaysMedian is { } days ? Format.Raw(days) : "", Format.Days(h.ContractToCashDaysMedian),
            $"signature to payment, payments of the last {h.CashPeriodDays} days");
        html.Append("</section>");
    }

    private static void Card(StringBuilder html, string metric, string label, string raw, string shown, string note,
        (string Metric, double? Value, string Text)? second = null)
    {
        html.Append("<div class=\"card\" data-metric=\"").Append(metric).Append("\" data-value=\"").Append(HtmlText.Encode(raw)).Append("\">")
            .Append("<div class=\"card-label\">").Append(HtmlText.Encode(label)).Append("</div>")
            .Append("<div class=\"card-value\">").Append(HtmlText.Encode(shown)).Append("</div><div class=\"card-note\">");
        if (second is { } s)
        {
            html.Append("<span data-metric=\"").Append(s.Metric).Append("\" data-value=\"").Append(s.Value is { } v ? Format.Raw(v) : "").Append("\">")
                .Append(HtmlText.Encode(s.Text)).Append("</span>");
        }

        html.Append(HtmlText.Encode(note)).Append("</div></div>");
    }

    private static void Panel(StringBuilder html, string id, string title, string? subtitle, string body, bool wide = false)
    {
        html.Append("<section class=\"panel").Append(wide ? " wide" : "").Append("\" id=\"").Append(id).Append("\"><h2>")
            .Append(HtmlText.Encode(title)).Append("</h2>");
        if (subtitle is not null)
        {
            html.Append("<p class=\"note\">").Append(HtmlText.Encode(subtitle)).Append("</p>");
        }

        html.Append(body).Append("</section>");
    }

    private static string Figure(string chart, string svg, string numbers) =>
        $"<figure class=\"chart\" data-chart=\"{chart}\" style=\"margin:0\">{svg}</figure>{numbers}";

    private static string NoData(string what) => $"<p class=\"empty\">No data: {HtmlText.Encode(what)}</p>";
}
