using System.Diagnostics;
using System.Globalization;
using C2C.Analytics.Browser.Tests.Support;
using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline.Report;
using Dapper;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace C2C.Analytics.Browser.Tests;

/// <summary>
/// The dashboard of a real sample run, opened from its file in headless chromium: the charts draw, the headline figures
/// are the marts' numbers, the queue sorts and filters, and markup in a note is text that runs nothing. A full-page
/// screenshot is left in the test output's TestResults folder (dashboard.png, and dashboard-phone.png at phone width).
/// </summary>
public sealed class DashboardBrowserTests(SampleDashboard sample, ITestOutputHelper output) : IClassFixture<SampleDashboard>
{
    private static readonly string[] Charts = ["pipeline", "aging", "sla", "bottlenecks", "cycle-time", "throughput", "team-actions", "ar-aging", "weighted-pipeline", "win-rate"];

    [Fact]
    public async Task Every_chart_renders_with_a_non_zero_size()
    {
        var page = await OpenAsync();

        foreach (var chart in Charts)
        {
            var figure = page.Locator($"figure[data-chart='{chart}'] svg");
            var box = await figure.BoundingBoxAsync();
            Assert.True(box is { Width: > 100, Height: > 50 }, $"chart {chart}: {box?.Width} × {box?.Height}");
            var marks = await page.EvaluateAsync<int>(
                "c => Array.from(document.querySelectorAll(`figure[data-chart='${c}'] svg rect, figure[data-chart='${c}'] svg circle`))" +
                ".filter(e => { const b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0; }).length", chart);
            Assert.True(marks > 0, $"chart {chart} drew no visible bar or point");
        }
    }

    [Fact]
    public async Task The_headline_figures_are_the_marts_numbers()
    {
        using var connection = sample.OpenReadOnly();
        var mart = connection.QuerySingle<(decimal Backlog, long Overdue, double? ThisMonth, double? LastMonth, double? Median)>("""
            SELECT payment_backlog_reporting, overdue_stage_count, sla_compliance_this_month_pct, sla_compliance_last_month_pct, contract_to_cash_days_median
            FROM mart_headline
            """);
        var page = await OpenAsync();

        // What a reader sees: "$3,203,506" is the backlog to the dollar, "76.5%" the percentage to one decimal.
        var backlog = await page.Locator("[data-metric='payment_backlog'] .card-value").InnerTextAsync();
        Assert.StartsWith("$", backlog, StringComparison.Ordinal);
        Assert.Equal(Math.Round(mart.Backlog, 0, MidpointRounding.AwayFromZero), decimal.Parse(Digits(backlog), CultureInfo.InvariantCulture));
        Assert.Equal(mart.Backlog, decimal.Parse(await Attribute(page, "payment_backlog"), CultureInfo.InvariantCulture));
        Assert.Equal(mart.Overdue.ToString(CultureInfo.InvariantCulture), Digits(await page.Locator("[data-metric='overdue_stages'] .card-value").InnerTextAsync()));
        Assert.NotNull(mart.ThisMonth);
        Assert.Equal(mart.ThisMonth!.Value, double.Parse((await page.Locator("[data-metric='sla_compliance_this_month'] .card-value").InnerTextAsync()).TrimEnd('%'), CultureInfo.InvariantCulture));
        Assert.Equal($"last month {mart.LastMonth!.Value.ToString("0.0", CultureInfo.InvariantCulture)}%", await page.Locator("[data-metric='sla_compliance_last_month']").InnerTextAsync());
        Assert.Equal(mart.Median!.Value, double.Parse(await page.Locator("[data-metric='contract_to_cash_days'] .card-value").InnerTextAsync(), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_queue_sorts_by_a_column_and_filters_by_action()
    {
        using var connection = sample.OpenReadOnly();
        var mostOverdue = connection.ExecuteScalar<long>("SELECT max(overdue_bd) FROM mart_action_queue WHERE queue_rank <= 500");
        var stuck = connection.ExecuteScalar<long>("SELECT count(*) FROM mart_action_queue WHERE queue_rank <= 500 AND action = 'stuck'");
        var page = await OpenAsync();
        var overdueHeader = page.Locator("#queue thead th", new() { HasText = "Overdue (bd)" }).Locator("button");

        await overdueHeader.ClickAsync();
        var ascending = await VisibleOverdueAsync(page);
        await overdueHeader.ClickAsync();
        var descending = await VisibleOverdueAsync(page);

        Assert.Equal(ascending.Order(), ascending);
        Assert.Equal(descending.OrderDescending(), descending);
        Assert.Equal(mostOverdue, descending[0]);
        Assert.True(descending.Count <= 25, "a page holds 25 rows");

        await page.SelectOptionAsync("#queue-action", "stuck");
        var actions = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('#queue tbody tr')).filter(r => r.offsetParent !== null).map(r => r.dataset.action)");
        Assert.Equal(Math.Min(25, stuck), actions.Length);
        Assert.All(actions, a => Assert.Equal("stuck", a));
    }

    [Fact]
    public async Task Markup_in_a_note_is_shown_as_text_and_runs_nothing()
    {
        var dialogs = new List<string>();
        var page = await sample.Browser.NewPageAsync();
        page.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };
        await page.GotoAsync(new Uri(sample.DashboardPath).AbsoluteUri);
        await page.WaitForTimeoutAsync(300);

        var notes = page.Locator("#queue tbody tr td.notes");
        Assert.Equal(sample.ScriptNote, await notes.Nth(0).InnerTextAsync());
        Assert.Equal(SampleDashboard.ImageNote, await notes.Nth(1).InnerTextAsync());
        Assert.Empty(dialogs);
        Assert.DoesNotContain("pwned", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.images.length"));
        Assert.Equal(1, await page.EvaluateAsync<int>("() => document.scripts.length"));
    }

    [Fact]
    public async Task The_page_opens_and_renders_quickly_and_leaves_screenshots()
    {
        var page = await sample.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var watch = Stopwatch.StartNew();
        await page.GotoAsync(new Uri(sample.DashboardPath).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        var rendered = watch.Elapsed;
        output.WriteLine($"dashboard {new FileInfo(sample.DashboardPath).Length / 1024.0:0.#} KB built in {sample.ReportElapsed.TotalMilliseconds:0} ms, open + render {rendered.TotalMilliseconds:0} ms");
        Assert.True(rendered < TimeSpan.FromSeconds(5), $"open + render took {rendered}");

        var artifacts = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(artifacts);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(artifacts, "dashboard.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(artifacts, "dashboard-phone.png"), FullPage = false });
        Assert.True(new FileInfo(Path.Combine(artifacts, "dashboard.png")).Length > 10_000);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "at phone width the page must not scroll sideways");
    }

    [Fact]
    public async Task An_empty_warehouse_gives_a_page_that_says_no_data()
    {
        var directory = Path.Combine(sample.Directory, "empty");
        Directory.CreateDirectory(directory);
        var warehouse = Path.Combine(directory, "warehouse.duckdb");
        using (var connection = new DuckDbConnection($"Data Source={warehouse}"))
        {
            connection.Open();
        }

        var result = ReportGenerator.Generate(warehouse, new ReportRequest(directory));
        var page = await sample.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(result.DashboardPath).AbsoluteUri);

        Assert.False(result.HasData);
        Assert.Contains("No data", await page.Locator("#no-data").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("figure.chart").CountAsync());
    }

    private async Task<IPage> OpenAsync()
    {
        var page = await sample.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(sample.DashboardPath).AbsoluteUri);
        return page;
    }

    private static async Task<List<double>> VisibleOverdueAsync(IPage page) =>
        (await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('#queue tbody tr')).filter(r => r.offsetParent !== null).map(r => r.cells[6].dataset.sort)"))
        .Select(v => string.IsNullOrEmpty(v) ? double.NegativeInfinity : double.Parse(v, CultureInfo.InvariantCulture)).ToList();

    private static Task<string> Attribute(IPage page, string metric) =>
        page.Locator($"[data-metric='{metric}']").First.GetAttributeAsync("data-value")!;

    private static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());
}
