using System.Text;
using C2C.Analytics.Pipeline.Report.Data;

namespace C2C.Analytics.Pipeline.Report.Html;

/// <summary>The chart panels: one per mart, each a chart and the numbers behind it.</summary>
public static partial class DashboardPage
{
    private static string Currency(DashboardData data) => data.Headline?.ReportingCurrency ?? "USD";

    private static void Pipeline(StringBuilder html, DashboardData data)
    {
        var c = Currency(data);
        var items = data.Pipeline.Select(p => new ChartItem(p.StageName, p.EngagementCount,
            $"{Format.Count(p.EngagementCount)} · {Format.MoneyShort(p.Value, c)}",
            $"{p.StageName}: {Format.Count(p.EngagementCount)} engagements, {Format.Money(p.Value, c)}")).ToList();
        var body = data.Pipeline.All(p => p.EngagementCount == 0) ? NoData("no engagement is in progress.") : Figure("pipeline",
            SvgChart.HorizontalBars("Engagements by current stage", items),
            NumbersTable.Render(["Stage", "Engagements", $"Contract value ({c})", "Without a rate"],
                data.Pipeline.Select(p => (IReadOnlyList<string>)[p.StageName, Format.Count(p.EngagementCount), Format.Money(p.Value, c), Format.Count(p.Unconverted)])));
        Panel(html, "pipeline", "Pipeline by stage", "Engagements by the stage they are at now, with their contract value.", body);
    }

    private static void Aging(StringBuilder html, DashboardData data)
    {
        var buckets = data.Aging.OrderBy(a => a.BucketOrder).Select(a => a.Bucket).Distinct().ToList();
        var rows = data.Aging.GroupBy(a => (a.StageKey, a.StageName)).Where(g => g.Sum(a => a.Open) > 0)
            .Select(g => new StackedRow(g.Key.StageName,
                buckets.Select(b => (double)g.Where(a => a.Bucket == b).Sum(a => a.Open)).ToList(),
                buckets.Select(b => $"{g.Key.StageName}, {b} business days: {Format.Count(g.Where(a => a.Bucket == b).Sum(a => a.Open))} open").ToList()))
            .ToList();
        var body = rows.Count == 0 ? NoData("no stage is open.") : Figure("aging",
            SvgChart.StackedBars("Open stages by age", buckets.Select(b => b + " bd").ToList(), rows, ["#16a34a", "#84cc16", "#f59e0b", "#dc2626", "#7f1d1d"]),
            NumbersTable.Render(["Stage", "Age (business days)", "Open", "Overdue", "Stuck"],
                data.Aging.Where(a => a.Open > 0).Select(a => (IReadOnlyList<string>)[a.StageName, a.Bucket, Format.Count(a.Open), Format.Count(a.Overdue), Format.Count(a.Stuck)])));
        Panel(html, "aging", "Aging distribution", "Open stages by business days since they became active.", body);
    }

    private static void SlaTrend(StringBuilder html, DashboardData data)
    {
        var points = data.Sla.Select(m => new ChartItem(m.Month.ToString("MMM yy", System.Globalization.CultureInfo.InvariantCulture), m.Pct,
            Format.Percent(m.Pct), $"{Format.Month(m.Month)}: {Format.Percent(m.Pct)} ({Format.Count(m.Met)} met, {Format.Count(m.Missed)} missed)")).ToList();
        var body = data.Sla.All(m => m.Pct is null) ? NoData("no stage was completed in the last 12 months.") : Figure("sla",
            SvgChart.LineChart("SLA compliance by month", points),
            NumbersTable.Render(["Month", "Met", "Missed", "SLA compliance"],
                data.Sla.Select(m => (IReadOnlyList<string>)[Format.Month(m.Month), Format.Count(m.Met), Format.Count(m.Missed), Format.Percent(m.Pct)])));
        Panel(html, "sla", "SLA compliance trend", "Stages completed within their SLA ÷ stages completed, per month, all stages.", body);
    }

    private static void Bottlenecks(StringBuilder html, DashboardData data)
    {
        var c = Currency(data);
        var ranked = data.Bottlenecks.Where(b => b.Open > 0).ToList();
        var items = ranked.Select(b => new ChartItem($"{b.Rank}. {b.StageName}", b.Overdue,
            $"{Format.Count(b.Overdue)} overdue · {Format.Count(b.OverdueBd)} bd",
            $"{b.StageName}: {Format.Count(b.Overdue)} overdue ({Format.Count(b.OverdueBd)} business days), {Format.Count(b.Stuck)} stuck, {Format.Money(b.Value, c)} waiting")).ToList();
        var body = ranked.Count == 0 ? NoData("no stage is open.") : Figure("bottlenecks",
            SvgChart.HorizontalBars("Overdue stages by stage, worst first", items, "#dc2626"),
            NumbersTable.Render(["Rank", "Stage", "Owner role", "Open", "Overdue", "Overdue business days", "Stuck", $"Value waiting ({c})"],
                ranked.Select(b => (IReadOnlyList<string>)[Format.Count(b.Rank), b.StageName, b.OwnerRole, Format.Count(b.Open), Format.Count(b.Overdue),
                    Format.Count(b.OverdueBd), Format.Count(b.Stuck), Format.Money(b.Value, c)]), open: true));
        Panel(html, "bottlenecks", "Bottleneck hotspots", "Stages ranked by overdue count, then overdue business days, then value waiting.", body);
    }

    private static void CycleTime(StringBuilder html, DashboardData data)
    {
        var measured = data.CycleTime.Where(s => s.Measured > 0).ToList();
        var items = measured.Select(s => new ChartItem(s.StageName, s.Median,
            $"median {Format.Days(s.Median)} · p90 {Format.Days(s.P90)} · SLA {s.SlaBd}",
            $"{s.StageName}: median {Format.Days(s.Median)}, average {Format.Days(s.Average)}, 90th percentile {Format.Days(s.P90)} business days (SLA {s.SlaBd}) over {Format.Count(s.Measured)} stages")).ToList();
        var body = measured.Count == 0 ? NoData("no measured completion in the last 12 months.") : Figure("cycle-time",
            SvgChart.HorizontalBars("Median cycle time by stage, business days", items, "#7c3aed"),
            NumbersTable.Render(["Stage", "Completed", "Average", "Median", "90th percentile", "SLA"],
                measured.Select(s => (IReadOnlyList<string>)[s.StageName, Format.Count(s.Measured), Format.Days(s.Average), Format.Days(s.Median), Format.Days(s.P90), s.SlaBd.ToString(System.Globalization.CultureInfo.InvariantCulture)])));
        Panel(html, "cycle-time", "Cycle time per stage", "Business days from activation to completion, completions of the last 12 months.", body);
    }

    private static void Throughput(StringBuilder html, DashboardData data)
    {
        var items = data.Throughput.Select(w => new ChartItem(w.WeekStart.ToString("dd MMM", System.Globalization.CultureInfo.InvariantCulture), w.Completed,
            Format.Count(w.Completed), $"Week of {Format.Date(w.WeekStart)}: {Format.Count(w.Completed)} stages completed")).ToList();
        var body = data.Throughput.All(w => w.Completed == 0) ? NoData("no stage was completed in the last 26 weeks.") : Figure("throughput",
            SvgChart.Columns("Stages completed per week", items, "#0891b2"),
            NumbersTable.Render(["Week of", "Stages completed"], data.Throughput.Select(w => (IReadOnlyList<string>)[Format.Date(w.WeekStart), Format.Count(w.Completed)])));
        Panel(html, "throughput", "Throughput", "Stages completed per week, all stages, last 26 weeks.", body);
    }

    private static void TeamActions(StringBuilder html, DashboardData data)
    {
        var actions = data.TeamActions.OrderBy(a => a.Priority).Select(a => a.Action).Distinct().ToList();
        var rows = data.TeamActions.GroupBy(a => a.Team).OrderByDescending(g => g.Sum(a => a.Count))
            .Select(g => new StackedRow(g.Key,
                actions.Select(a => (double)g.Where(t => t.Action == a).Sum(t => t.Count)).ToList(),
                actions.Select(a => $"{g.Key}, {ActionQueue.Label(a)}: {Format.Count(g.Where(t => t.Action == a).Sum(t => t.Count))}").ToList()))
            .ToList();
        var body = rows.Count == 0 ? NoData("nothing needs action.") : Figure("team-actions",
            SvgChart.StackedBars("Next actions by team", actions.Select(ActionQueue.Label).ToList(), rows),
            NumbersTable.Render(["Team", "Action", "Actions", "Overdue business days"],
                data.TeamActions.Select(a => (IReadOnlyList<string>)[a.Team, ActionQueue.Label(a.Action), Format.Count(a.Count), Format.Count(a.OverdueBd)])));
        Panel(html, "team-actions", "Next actions by team", "Open actions by the owner's team and their most urgent reason.", body);
    }

    private static void Cash(StringBuilder html, DashboardData data)
    {
        var c = Currency(data);
        if (data.Cash is not { } cash)
        {
            return;
        }

        var items = data.ArAging.Select(b => new ChartItem(b.Bucket, (double)b.Amount, Format.MoneyShort(b.Amount, c),
            $"{b.Bucket}: {Format.Count(b.Count)} invoices, {Format.Money(b.Amount, c)}")).ToList();
        var chart = data.ArAging.All(b => b.Count == 0) ? NoData("no invoice is waiting for payment.") : Figure("ar-aging",
            SvgChart.Columns("Receivables by days past due", items, "#f59e0b"),
            NumbersTable.Render(["Days past due", "Invoices", $"Amount ({c})", "Without a rate"],
                data.ArAging.Select(b => (IReadOnlyList<string>)[b.Bucket, Format.Count(b.Count), Format.Money(b.Amount, c), Format.Count(b.Unconverted)])));
        var figures = NumbersTable.Render(["Figure", "Value"],
        [
            ["Unbilled backlog", $"{Format.Money(cash.Unbilled, c)} ({Format.Count(cash.UnbilledCount)} engagements)"],
            ["Payment backlog", $"{Format.Money(cash.PaymentBacklog, c)} ({Format.Count(cash.PaymentBacklogCount)} invoices)"],
            [$"Billings, last {cash.PeriodDays} days", $"{Format.Money(cash.Billings, c)} ({Format.Count(cash.BillingsCount)} invoices)"],
            ["DSO (days)", Format.Days(cash.DsoDays)],
            ["Average days to pay", Format.Days(cash.DaysToPayAvg)],
            ["Contract-to-cash days, average / median", $"{Format.Days(cash.ContractToCashDaysAvg)} / {Format.Days(cash.ContractToCashDaysMedian)}"],
        ], open: true);
        Panel(html, "cash", "Cash", $"AR aging: calendar days past the invoice due date. Period figures: payments and invoices of the last {cash.PeriodDays} days.", chart + figures);
    }

    private static void SalesPipeline(StringBuilder html, DashboardData data)
    {
        if (data.WeightedPipeline.Count == 0 && data.WinRate.Count == 0)
        {
            return;
        }

        var c = Currency(data);
        var pipeline = data.WeightedPipeline.Select(m => new ChartItem(m.Month.ToString("MMM yy", System.Globalization.CultureInfo.InvariantCulture), (double)m.Weighted,
            Format.MoneyShort(m.Weighted, c), $"{Format.Month(m.Month)}: weighted {Format.Money(m.Weighted, c)} of {Format.Money(m.Amount, c)} ({Format.Count(m.Count)} opportunities)")).ToList();
        var win = data.WinRate.Select(m => new ChartItem(m.Month.ToString("MMM yy", System.Globalization.CultureInfo.InvariantCulture), m.ByCountPct,
            Format.Percent(m.ByCountPct), $"{Format.Month(m.Month)}: {Format.Percent(m.ByCountPct)} by count ({Format.Count(m.Won)} won, {Format.Count(m.Lost)} lost), {Format.Percent(m.ByAmountPct)} by amount")).ToList();
        var body = (pipeline.Count == 0 ? NoData("no open opportunity.") : Figure("weighted-pipeline", SvgChart.Columns("Weighted pipeline by close month", pipeline, "#2563eb"),
                NumbersTable.Render(["Close month", "Opportunities", $"Amount ({c})", $"Weighted ({c})"],
                    data.WeightedPipeline.Select(m => (IReadOnlyList<string>)[Format.Month(m.Month), Format.Count(m.Count), Format.Money(m.Amount, c), Format.Money(m.Weighted, c)]))))
            + (win.Count == 0 ? "" : Figure("win-rate", SvgChart.LineChart("Win rate by close month", win, color: "#7c3aed"),
                NumbersTable.Render(["Close month", "Won", "Lost", "Win rate (count)", "Win rate (amount)"],
                    data.WinRate.Select(m => (IReadOnlyList<string>)[Format.Month(m.Month), Format.Count(m.Won), Format.Count(m.Lost), Format.Percent(m.ByCountPct), Format.Percent(m.ByAmountPct)]))));
        Panel(html, "sales-pipeline", "Sales pipeline (Salesforce)", "Weighted pipeline = Σ amount × probability of open opportunities; win rate = won ÷ (won + lost), last 12 months.", body);
    }
}
