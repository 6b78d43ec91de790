using System.Text;
using C2C.Analytics.Pipeline.Sources.Salesforce;

namespace C2C.Analytics.Pipeline.Tests.Sources.Salesforce;

/// <summary>
/// The page scanners read a body in whatever chunks the network delivers: the documented sample pages give the same
/// counts and latest SystemModstamp in one chunk or byte by byte; the Sforce-Limit-Info header in its documented forms.
/// </summary>
public sealed class ScannerTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Sample", "Fixtures");

    public static TheoryData<int> Chunks => [1, 7, 64, 1 << 20];

    [Theory]
    [MemberData(nameof(Chunks))]
    public void A_query_page_gives_its_counts_next_url_and_latest_modstamp_in_any_chunking(int chunk)
    {
        var latest = new ModstampMaximum();
        var scanner = new QueryPageScanner(latest);
        var found = new List<string>();
        scanner.NextRecordsUrlFound += found.Add;

        Feed(scanner, File.ReadAllBytes(Path.Combine(Fixtures, "query_opportunity_page1.json")), chunk);
        scanner.Complete();

        // The sample page: totalSize 3, not done, two records stamped 12:34:56 and 12:35:10 on 2024-05-01.
        Assert.Equal((3L, false, 2L), (scanner.TotalSize!.Value, scanner.Done!.Value, scanner.Records));
        Assert.Equal(["/services/data/v66.0/query/01gRO0000016PIAYA2-2"], found);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 35, 10, TimeSpan.Zero), latest.Value);
    }

    [Fact]
    public void A_SystemModstamp_written_with_JSON_escapes_counts_as_the_same_time()
    {
        var latest = new ModstampMaximum();
        var scanner = new QueryPageScanner(latest);

        scanner.Append("""{"totalSize":2,"done":true,"records":[{"SystemModstamp":"2024-05-01T12:00:00.000\u002B0000"},{"SystemModstamp":"2024-04-01T12:00:00.000+0000"}]}"""u8);
        scanner.Complete();

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero), latest.Value);
    }

    [Fact]
    public void A_cut_off_query_page_is_refused()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Fixtures, "query_opportunity_page1.json"));
        var scanner = new QueryPageScanner(new ModstampMaximum());
        scanner.Append(bytes.AsSpan(0, bytes.Length - 10));

        var failure = Assert.ThrowsAny<System.Text.Json.JsonException>(scanner.Complete);
        Assert.Equal("The response ends before its JSON does.", failure.Message);
    }

    [Theory]
    [InlineData("""{"totalSize":1,"done":true,"records":[{"Id":"a"}}""")]
    [InlineData("""{"totalSize":1,"done":true,"records":[]}}""")]
    [InlineData("""{"totalSize":1,"done":true,"records":[]} {}""")]
    [InlineData("""[{"totalSize":1}]""")]
    public void A_query_page_whose_brackets_do_not_match_is_refused(string page)
    {
        var scanner = new QueryPageScanner(new ModstampMaximum());

        Assert.ThrowsAny<System.Text.Json.JsonException>(() =>
        {
            scanner.Append(System.Text.Encoding.UTF8.GetBytes(page));
            scanner.Complete();
        });
    }

    [Theory]
    [MemberData(nameof(Chunks))]
    public void A_bulk_page_gives_its_header_rows_and_latest_modstamp_in_any_chunking(int chunk)
    {
        var csv = "\"Id\",\"Name\",\"SystemModstamp\"\n\"006A\",\"Quote \"\"x\"\", comma, and\nnew line\",\"2024-05-01T12:34:56.000Z\"\n\"006B\",\"\",\"2024-05-02T01:00:00.000Z\"\n";
        var latest = new ModstampMaximum();
        var scanner = new CsvPageScanner(latest, null);

        Feed(scanner, Encoding.UTF8.GetBytes(csv), chunk);
        scanner.Complete();

        Assert.Equal(["Id", "Name", "SystemModstamp"], scanner.Header);
        Assert.Equal(2, scanner.Records);
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 1, 0, 0, TimeSpan.Zero), latest.Value);
    }

    [Fact]
    public void A_bulk_page_without_a_header_counts_every_row_with_the_previous_pages_columns()
    {
        var latest = new ModstampMaximum();
        var scanner = new CsvPageScanner(latest, ["Id", "SystemModstamp"]);

        Feed(scanner, Encoding.UTF8.GetBytes("\"006A\",\"2024-05-03T00:00:00.000Z\"\r\n\"006B\",\"2024-05-01T00:00:00.000Z\""), 5);
        scanner.Complete();

        Assert.Null(scanner.Header);
        Assert.Equal(2, scanner.Records);
        Assert.Equal(new DateTimeOffset(2024, 5, 3, 0, 0, 0, TimeSpan.Zero), latest.Value);
    }

    [Fact]
    public void A_bulk_page_that_ends_inside_a_quoted_value_is_refused()
    {
        var scanner = new CsvPageScanner(new ModstampMaximum(), null);
        scanner.Append("\"Id\",\"Name\"\n\"006A\",\"cut off"u8);

        Assert.Throws<InvalidDataException>(scanner.Complete);
    }

    [Theory]
    [InlineData("api-usage=10018/100000", 10018L, 100000L)]
    [InlineData("api-usage=10018/100000; api-bursts=1/750", 10018L, 100000L)]
    [InlineData("api-usage=25/5000; per-app-api-usage=17/250(appName=sample-app)", 25L, 5000L)]
    [InlineData("per-app-api-usage=17/250(appName=sample-app);api-usage=25/5000", 25L, 5000L)]
    public void Sforce_Limit_Info_gives_the_daily_API_usage(string header, long used, long max) =>
        Assert.Equal(new ApiUsage(used, max), ApiUsage.Parse(header));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("api-bursts=1/750")]
    [InlineData("api-usage=a/b")]
    public void A_header_without_the_daily_usage_gives_none(string? header) => Assert.Null(ApiUsage.Parse(header));

    private static void Feed(Pipeline.Sources.IBodyScanner scanner, byte[] bytes, int chunk)
    {
        for (var offset = 0; offset < bytes.Length; offset += chunk)
        {
            scanner.Append(bytes.AsSpan(offset, Math.Min(chunk, bytes.Length - offset)));
        }
    }
}
