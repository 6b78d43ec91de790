using System.Text.Json.Nodes;
using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Tests.Sources.Smartsheet.Support;

/// <summary>
/// A small tracker template for these tests: the key columns, three owners and two stages (intake, whose date is the
/// intake date, and invoice sent). Opportunity IDs are 15 digits: with no upper-case letter each 5-character chunk
/// has checksum bits 0, so the 18-character deal_id is the ID followed by "AAA".
/// </summary>
public static class TestTracker
{
    public static readonly DateOnly AsOf = new(2025, 7, 1);

    public static readonly string[] Titles =
    [
        "Opportunity ID", "Engagement", "Account", "Region", "Contract Value", "Currency", "Intake Date", "Payment Terms",
        "Sales Owner", "Delivery Owner", "Finance Owner", "Intake Status", "Intake Evidence", "Intake Notes",
        "Invoice Sent Status", "Invoice Sent Date", "Invoice Sent Evidence", "Invoice Sent Notes",
    ];

    public static TrackerOptions Options() => new()
    {
        Stages =
        [
            new() { Key = "intake", Name = "Intake", OwnerRole = "Sales", SlaBusinessDays = 2, Prerequisites = [], DateColumn = "Intake Date" },
            new() { Key = "invoice_sent", Name = "Invoice Sent", OwnerRole = "Finance", SlaBusinessDays = 3 },
        ],
    };

    public static string OpportunityId(int n) => "00600000000" + n.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);

    public static string DealId(int n) => OpportunityId(n) + "AAA";

    /// <summary>A complete, valid engagement row: intake done on <paramref name="intake"/>, invoice not sent.</summary>
    public static (string, JsonObject)[] Engagement(int n, string intake = "2025-03-03", decimal value = 1000m) =>
    [
        ("Opportunity ID", FakeCell.Text(OpportunityId(n))),
        ("Engagement", FakeCell.Text($"Engagement {n}")),
        ("Account", FakeCell.Text($"Account {n}")),
        ("Region", FakeCell.Text("EMEA")),
        ("Contract Value", FakeCell.Money(value, $"${value:N2}")),
        ("Currency", FakeCell.Text("USD")),
        ("Intake Date", FakeCell.Date(intake)),
        ("Payment Terms", FakeCell.Text("Net 30")),
        ("Sales Owner", FakeCell.Contact("ana.sales@example.com", "Ana Sales")),
        ("Finance Owner", FakeCell.Contact("fin.ops@example.com", "Fin Ops")),
        ("Intake Status", FakeCell.Text("Complete")),
        ("Intake Evidence", FakeCell.Link("Signed SOW", $"https://example.com/sow/{n}")),
        ("Invoice Sent Status", FakeCell.Text("Not Started")),
    ];

    /// <summary>A sheet of the template with rows 1..<paramref name="rows"/> (row ids 10000 + n), optionally in another column order.</summary>
    public static FakeSheet Sheet(long id, string name, IEnumerable<int> engagements, IEnumerable<string>? titles = null, DateTimeOffset? modifiedAt = null)
    {
        var sheet = new FakeSheet(id, name, titles ?? Titles);
        foreach (var n in engagements)
        {
            sheet.Add(RowId(n), modifiedAt ?? new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero), Engagement(n));
        }

        return sheet;
    }

    public static long RowId(int n) => 10000 + n;
}
