using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using C2C.Analytics.Pipeline.Landing;
using C2C.Analytics.Pipeline.Sample;
using C2C.Analytics.Pipeline.Tests.Sample.Support;
using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Tests.Sample;

/// <summary>
/// The tracker pages have the shape of <c>GET /sheets/{id}</c> in ../shared/reference/smartsheet/get_sheet.json (copied
/// to Fixtures/): sheet properties, columns, paged rows, and cells as Smartsheet's Cell Reference describes them.
/// </summary>
public partial class SmartsheetPageTests(SharedSample shared) : IClassFixture<SharedSample>
{
    private static readonly TrackerOptions Defaults = new();

    private readonly SampleFolder _sample = shared.Sample;

    [Fact]
    public void Every_page_has_the_reference_sheet_properties_and_the_whole_sheets_row_count()
    {
        var reference = LandedPages.ReadJson(LandedPages.Fixture("get_sheet.json"));
        var files = _sample.Files("smartsheet", "tracker");

        Assert.Equal(3, _sample.Result.Sheets.Count);
        foreach (var sheet in _sample.Result.Sheets)
        {
            var pages = files.Where(f => Path.GetFileName(f).StartsWith($"sheet-{sheet.SheetId}-page-", StringComparison.Ordinal)).ToList();
            Assert.Equal(sheet.Pages, pages.Count);
            Assert.Equal(Enumerable.Range(1, pages.Count).Select(n => $"sheet-{sheet.SheetId}-page-{n:0000}.json"), pages.Select(Path.GetFileName));
            var rowNumbers = new List<int>();
            foreach (var page in pages.Select(LandedPages.ReadJson))
            {
                Assert.Equal(LandedPages.Names(reference), LandedPages.Names(page));
                Assert.Equal(sheet.SheetId, page.GetProperty("id").GetInt64());
                Assert.Equal(sheet.Name, page.GetProperty("name").GetString());
                Assert.Equal(sheet.Rows, page.GetProperty("totalRowCount").GetInt32());
                Assert.Matches(SmartsheetTimestamp(), page.GetProperty("modifiedAt").GetString()!);
                Assert.InRange(page.GetProperty("rows").GetArrayLength(), 1, 150); // the shared sample's page size
                rowNumbers.AddRange(page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("rowNumber").GetInt32()));
            }

            Assert.Equal(Enumerable.Range(1, sheet.Rows), rowNumbers);
        }

        Assert.Equal(["C2C Tracker — APAC", "C2C Tracker — Americas", "C2C Tracker — EMEA"], _sample.Result.Sheets.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_columns_are_exactly_the_configured_titles_in_a_different_order_per_sheet_plus_one_unmapped_column()
    {
        var configured = ConfiguredTitles(Defaults);
        var sheets = FirstPages(_sample).ToList();
        var orders = new HashSet<string>();

        foreach (var page in sheets)
        {
            var columns = page.GetProperty("columns").EnumerateArray().ToList();
            var titles = columns.Select(c => c.GetProperty("title").GetString()!).ToList();
            Assert.Equal(Enumerable.Range(0, columns.Count), columns.Select(c => c.GetProperty("index").GetInt32()));
            Assert.Equal(columns.Count, columns.Select(c => c.GetProperty("id").GetInt64()).Distinct().Count());
            Assert.Equal(titles.Count, titles.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.Subset(titles.ToHashSet(), configured);
            Assert.Empty(titles.Except(configured).Except(["Legacy Ref"]));
            Assert.True(columns[0].GetProperty("primary").GetBoolean());
            orders.Add(string.Join("|", titles.Where(configured.Contains)));
            foreach (var column in columns)
            {
                var type = column.GetProperty("type").GetString();
                var title = column.GetProperty("title").GetString()!;
                var expected = title.EndsWith(" Status", StringComparison.Ordinal) || title is "Region" or "Currency" or "Payment Terms" ? "PICKLIST"
                    : title.EndsWith(" Date", StringComparison.Ordinal) ? "DATE"
                    : title.EndsWith(" Owner", StringComparison.Ordinal) ? "CONTACT_LIST"
                    : "TEXT_NUMBER";
                Assert.Equal(expected, type);
                Assert.Equal(type == "PICKLIST", column.TryGetProperty("options", out _));
            }
        }

        Assert.Equal(3, orders.Count);
        Assert.Single(sheets, p => p.GetProperty("columns").EnumerateArray().Any(c => c.GetProperty("title").GetString() == "Legacy Ref"));
    }

    [Fact]
    public void Cells_come_one_per_column_in_column_order_and_empty_cells_have_no_value()
    {
        var empty = 0;
        foreach (var page in _sample.Files("smartsheet", "tracker").Select(LandedPages.ReadJson))
        {
            var columns = page.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToList();
            foreach (var row in page.GetProperty("rows").EnumerateArray())
            {
                var cells = row.GetProperty("cells").EnumerateArray().ToList();
                Assert.Equal(columns, cells.Select(c => c.GetProperty("columnId").GetInt64()));
                foreach (var cell in cells.Where(c => !c.TryGetProperty("value", out _)))
                {
                    Assert.Equal(["columnId"], LandedPages.Names(cell));
                    empty++;
                }
            }
        }

        Assert.True(empty > 1000, "waiting stages, missing notes and evidence leave many empty cells");
    }

    [Fact]
    public void Cell_values_follow_the_cell_reference()
    {
        var planted = _sample.Result.PlantedProblems.Where(p => p.Field.StartsWith("stage_date:", StringComparison.Ordinal))
            .Select(p => (p.RowId, p.ColumnTitle)).ToHashSet();
        var rows = LandedPages.TrackerRows(_sample);
        var hyperlinks = 0;
        foreach (var row in rows)
        {
            foreach (var (title, cell) in row.Cells)
            {
                if (!cell.TryGetProperty("value", out var value))
                {
                    continue;
                }

                if (title.EndsWith(" Date", StringComparison.Ordinal))
                {
                    Assert.False(cell.TryGetProperty("displayValue", out _), "DATE cells have no display value");
                    Assert.True(IsoDate().IsMatch(value.GetString()!) || planted.Contains((row.RowId, title)), $"{title}: {value}");
                }
                else if (title == "Contract Value")
                {
                    Assert.Equal(JsonValueKind.Number, value.ValueKind);
                    var display = cell.GetProperty("displayValue").GetString()!;
                    Assert.Matches(Money(), display);
                    Assert.Equal(value.GetDecimal(), decimal.Parse(display[1..].Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
                }
                else if (title.EndsWith(" Owner", StringComparison.Ordinal))
                {
                    var email = value.GetString()!;
                    Assert.True(email == "TBD" || email.EndsWith("@example.com", StringComparison.Ordinal), email);
                    Assert.NotEmpty(cell.GetProperty("displayValue").GetString()!);
                }
                else
                {
                    Assert.Equal(JsonValueKind.String, value.ValueKind);
                    Assert.Equal(value.GetString(), cell.GetProperty("displayValue").GetString());
                }

                if (cell.TryGetProperty("hyperlink", out var hyperlink))
                {
                    Assert.EndsWith(" Evidence", title, StringComparison.Ordinal);
                    Assert.StartsWith("https://files.example.com/c2c/", hyperlink.GetProperty("url").GetString(), StringComparison.Ordinal);
                    hyperlinks++;
                }
            }

            Assert.Contains(row.Text("Payment Terms"), new[] { "Net 30", "Net 45", "Net 60" });
            Assert.Contains(row.Text("Currency"), new[] { "USD", "EUR", "GBP" });
        }

        Assert.True(hyperlinks > rows.Count, "most completed stages have evidence with a link");
    }

    [Fact]
    public void About_one_row_in_ten_has_the_15_character_id_and_every_id_normalises_to_a_won_opportunity()
    {
        var won = LandedPages.Records(_sample, "opportunities")
            .Where(r => r.GetProperty("IsWon").GetBoolean()).Select(r => r.GetProperty("Id").GetString()!).ToHashSet();
        var badIds = _sample.Result.PlantedProblems.Where(p => p.Reason is "missing_id" or "invalid_id").Select(p => p.RowId).ToHashSet();
        var rows = LandedPages.TrackerRows(_sample).Where(r => !badIds.Contains(r.RowId)).ToList();

        var ids = rows.Select(r => r.Text("Opportunity ID")!).ToList();
        Assert.InRange(ids.Count(id => id.Length == 15) / (double)ids.Count, 0.06, 0.14);
        Assert.All(ids, id => Assert.Contains(id.Length == 15 ? id + IndependentChecksum.Of(id) : id, won));
    }

    [Fact]
    public void Text_is_landed_as_utf8_as_is_with_the_script_note_once()
    {
        var markup = _sample.Result.MarkupNote;
        var text = string.Concat(_sample.Files("smartsheet", "tracker").Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f))));

        Assert.Contains("\"displayValue\":\"José Müller\"", text, StringComparison.Ordinal);
        Assert.Contains("Zoë Ångström", text, StringComparison.Ordinal);
        Assert.Contains("Łukasz Żółć", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00", text, StringComparison.Ordinal);
        Assert.Equal(2, ScriptTag().Matches(text).Count); // the cell's value and display value
        var cell = Assert.Single(
            LandedPages.TrackerRows(_sample).SelectMany(r => r.Cells.Select(c => (Row: r, Title: c.Key))),
            c => c.Row.Text(c.Title) is { } value && value.Contains("<script>", StringComparison.Ordinal));
        Assert.Equal((markup.RowId, markup.ColumnTitle), (cell.Row.RowId, cell.Title));
        Assert.Equal(SampleVocabulary.ScriptNote, cell.Row.Text(cell.Title));
        Assert.Contains("<script>", SampleVocabulary.ScriptNote, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_configuration_generates_sheets_with_its_titles_and_stages()
    {
        var options = new TrackerOptions
        {
            Columns = new TrackerColumns
            {
                OpportunityId = "SF Opportunity Id",
                IntakeDate = "Received On",
                Owners = new(StringComparer.OrdinalIgnoreCase) { ["Sales"] = "AE", ["Finance"] = "Billing Contact" },
            },
            Stages =
            [
                new() { Key = "contract", Name = "Contract", OwnerRole = "Sales", SlaBusinessDays = 5, Prerequisites = [] },
                new() { Key = "invoice", Name = "Invoice", OwnerRole = "Finance", SlaBusinessDays = 3, DateColumn = "Invoiced On" },
                new() { Key = "cash", Name = "Cash", OwnerRole = "Finance", SlaBusinessDays = 30 },
            ],
            StatusTexts = new() { ["Open"] = StageStatus.InProgress, ["Closed"] = StageStatus.Complete, ["Todo"] = StageStatus.NotStarted },
        };
        var folder = Path.Combine(Path.GetTempPath(), "c2c-sample-config-" + Guid.NewGuid().ToString("N"));
        try
        {
            var landing = new LandingArea(folder);
            var result = new SampleGenerator(new SampleOptions { Engagements = 200, AsOf = SampleFolder.AsOf, Tracker = options })
                .Generate(landing, "custom");
            var manifest = result.Manifests.Single(m => m.Entity == "tracker");
            var configured = ConfiguredTitles(options);
            foreach (var page in landing.FilePaths(manifest).Select(LandedPages.ReadJson))
            {
                var titles = page.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("title").GetString()!).ToHashSet();
                Assert.Empty(titles.Except(configured).Except(["Legacy Ref"]));
                Assert.Empty(configured.Except(titles));
                var statuses = page.GetProperty("rows").EnumerateArray()
                    .SelectMany(r => r.GetProperty("cells").EnumerateArray())
                    .Where(c => c.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is "Open" or "Closed" or "Todo")
                    .Count();
                Assert.True(statuses > 0);
            }

            Assert.All(result.PlantedProblems, p => Assert.Contains(p.ColumnTitle, configured));
            Assert.Contains(result.PlantedProblems, p => p.Field == "stage_date:invoice" || p.Field == "stage_date:cash");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Every column title a configuration names (the key columns, owners, and four per stage).</summary>
    private static HashSet<string> ConfiguredTitles(TrackerOptions options)
    {
        var columns = options.Columns;
        var titles = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            columns.OpportunityId, columns.EngagementName, columns.Account, columns.Region, columns.ContractValue,
            columns.Currency, columns.IntakeDate, columns.PaymentTerms,
        };
        titles.UnionWith(columns.Owners.Values);
        foreach (var stage in options.EffectiveStages)
        {
            titles.UnionWith([stage.StatusColumnTitle, stage.DateColumnTitle, stage.EvidenceColumnTitle, stage.NotesColumnTitle]);
        }

        return titles;
    }

    private static IEnumerable<JsonElement> FirstPages(SampleFolder sample) =>
        sample.Files("smartsheet", "tracker").Where(f => f.EndsWith("-page-0001.json", StringComparison.Ordinal)).Select(LandedPages.ReadJson);

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")]
    private static partial Regex SmartsheetTimestamp();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex IsoDate();

    [GeneratedRegex("^[$€£][0-9]{1,3}(,[0-9]{3})*\\.[0-9]{2}$")]
    private static partial Regex Money();

    [GeneratedRegex("<script>")]
    private static partial Regex ScriptTag();
}
