using C2C.Analytics.Pipeline.Report.Data;
using C2C.Analytics.Pipeline.Report.Html;

namespace C2C.Analytics.Pipeline.Tests.Report;

public sealed class DashboardPageTests
{
    private static readonly DateTimeOffset Now = new(2025, 7, 1, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Source_text_is_encoded_everywhere_it_appears()
    {
        var row = new ActionRow(1, "006000000000001AAA", "<b>Deal</b>", "Acme & Sons", "Invoice Sent", "o1", "Eve <img src=x onerror=alert(1)>",
            "eve@example.com", "Finance", "\"East\"", "overdue", 2, 12, 3, new DateOnly(2025, 6, 20), new DateOnly(2025, 7, 2), null, 100m, "USD", 100m,
            "Looks fine <script>alert('c2c')</script>");
        var data = DashboardData.Empty with
        {
            Headline = new Headline(new DateOnly(2025, 6, 30), "USD", 1, 100m, 1, 0, 1, 0, 1, null, null, null, 90, 1, 0),
            Queue = [row],
        };

        var html = DashboardPage.Render(data, Now, 500);

        Assert.Contains("Looks fine &lt;script&gt;alert(&#39;c2c&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Eve &lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Deal&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Acme &amp; Sons", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script>"));
    }

    [Fact]
    public void A_page_without_data_says_so_and_fetches_nothing()
    {
        var html = DashboardPage.Render(DashboardData.Empty, Now, 500);

        Assert.Contains("id=\"no-data\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }
}
