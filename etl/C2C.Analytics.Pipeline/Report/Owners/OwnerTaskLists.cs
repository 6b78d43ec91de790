using System.Globalization;
using System.Text;
using C2C.Analytics.Pipeline.Report.Data;
using C2C.Analytics.Pipeline.Report.Html;

namespace C2C.Analytics.Pipeline.Report.Owners;

/// <summary>
/// The "update request" of the lifecycle: one page (HTML) and one CSV per owner with that owner's open actions, most
/// urgent first (the action queue's order), ready to send or to feed a mail merge or an automation tool; plus
/// <c>index.html</c> and <c>index.csv</c> listing every owner and their files. The folder is rebuilt whole each time
/// (written beside it, then swapped in), so an owner with nothing left to do has no stale list.
/// </summary>
public static class OwnerTaskLists
{
    public const string FolderName = "owners";

    private static readonly string[] CsvHeader =
    [
        "queue_rank", "action", "deal_id", "engagement_name", "account", "stage", "owner_name", "owner_email", "owner_role", "team",
        "overdue_bd", "age_bd", "sla_due_on", "next_reminder_on", "completed_on", "contract_value", "currency", "contract_value_reporting",
        "reporting_currency", "notes",
    ];

    public static IReadOnlyList<OwnerTaskList> Write(string outputDirectory, IReadOnlyList<ActionRow> queue, Headline? headline, DateTimeOffset generatedAt)
    {
        var target = Path.Combine(outputDirectory, FolderName);
        var staging = Path.Combine(outputDirectory, $".{FolderName}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var names = new OwnerFileNames();
            var lists = new List<OwnerTaskList>();
            var currency = headline?.ReportingCurrency ?? "USD";
            foreach (var owner in queue.GroupBy(r => r.OwnerId).OrderBy(g => g.Key is null).ThenBy(g => g.First().OwnerName ?? g.First().OwnerEmail, StringComparer.Ordinal))
            {
                var first = owner.First();
                var rows = owner.OrderBy(r => r.QueueRank).ToList();
                var name = first.OwnerName ?? first.OwnerEmail ?? "Unassigned";
                var file = names.For(owner.Key, first.OwnerEmail, first.OwnerName);
                File.WriteAllText(Path.Combine(staging, file + ".html"), Page(name, first, rows, headline, currency, generatedAt), Encoding.UTF8);
                File.WriteAllText(Path.Combine(staging, file + ".csv"), Csv(rows, currency), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
                lists.Add(new OwnerTaskList(owner.Key, owner.Key is null ? "Unassigned" : name, first.OwnerEmail, rows.Count, file + ".html", file + ".csv"));
            }

            File.WriteAllText(Path.Combine(staging, "index.html"), Index(lists, headline, generatedAt), Encoding.UTF8);
            File.WriteAllText(Path.Combine(staging, "index.csv"),
                CsvText.Line(["owner_name", "owner_email", "action_count", "html_file", "csv_file"])
                + string.Concat(lists.Select(l => CsvText.Line([CsvText.Field(l.OwnerName), CsvText.Field(l.OwnerEmail),
                    l.ActionCount.ToString(CultureInfo.InvariantCulture), l.HtmlFile, l.CsvFile]))),
                new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            Directory.Move(staging, target);
            return lists;
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw;
        }
    }

    private static string Page(string name, ActionRow owner, IReadOnlyList<ActionRow> rows, Headline? headline, string currency, DateTimeOffset generatedAt)
    {
        var html = Start($"Open actions: {name}");
        html.Append("<header><h1>Open actions for ").Append(HtmlText.Encode(name)).Append("</h1><div class=\"meta\">")
            .Append(HtmlText.Encode(string.Join(" · ", new[] { owner.OwnerEmail, owner.OwnerId is null ? null : owner.OwnerRole, owner.Team }.Where(s => !string.IsNullOrEmpty(s)))))
            .Append("</div><p class=\"meta\">").Append(HtmlText.Encode(AsOfLine(headline, generatedAt))).Append("</p><p>");
        html.AppendJoin(" · ", rows.GroupBy(r => r.Action).OrderBy(g => g.First().Priority)
            .Select(g => $"<span class=\"tag tag-{HtmlText.Encode(g.Key)}\">{HtmlText.Encode(ActionQueue.Label(g.Key))}: {g.Count()}</span>"));
        html.Append("</p></header><main><section class=\"panel\"><h2>").Append(rows.Count).Append(rows.Count == 1 ? " action" : " actions")
            .Append(", most urgent first</h2>");
        ActionQueue.Table(html, "owner-actions", rows, currency, sortable: false, withOwner: owner.OwnerId is null);
        return html.Append("</section></main></body></html>").ToString();
    }

    private static string Index(IReadOnlyList<OwnerTaskList> lists, Headline? headline, DateTimeOffset generatedAt)
    {
        var html = Start("Owner task lists");
        html.Append("<header><h1>Owner task lists</h1><p class=\"meta\">").Append(HtmlText.Encode(AsOfLine(headline, generatedAt))).Append("</p></header><main><section class=\"panel\">");
        if (lists.Count == 0)
        {
            html.Append("<p class=\"empty\">No data: nobody has an open action.</p>");
        }
        else
        {
            html.Append("<table><thead><tr><th>Owner</th><th>E-mail</th><th class=\"num\">Actions</th><th>Files</th></tr></thead><tbody>");
            foreach (var list in lists)
            {
                html.Append("<tr><td>").Append(HtmlText.Encode(list.OwnerName)).Append("</td><td>").Append(HtmlText.Encode(list.OwnerEmail))
                    .Append("</td><td class=\"num\">").Append(list.ActionCount).Append("</td><td><a href=\"").Append(HtmlText.Encode(list.HtmlFile))
                    .Append("\">page</a> · <a href=\"").Append(HtmlText.Encode(list.CsvFile)).Append("\">CSV</a></td></tr>");
            }

            html.Append("</tbody></table>");
        }

        return html.Append("</section></main></body></html>").ToString();
    }

    private static string Csv(IReadOnlyList<ActionRow> rows, string currency)
    {
        var csv = new StringBuilder(CsvText.Line(CsvHeader));
        var c = CultureInfo.InvariantCulture;
        foreach (var r in rows)
        {
            csv.Append(CsvText.Line(
            [
                r.QueueRank.ToString(c), r.Action, CsvText.Field(r.DealId), CsvText.Field(r.EngagementName), CsvText.Field(r.Account), CsvText.Field(r.StageName),
                CsvText.Field(r.OwnerName), CsvText.Field(r.OwnerEmail), CsvText.Field(r.OwnerRole), CsvText.Field(r.Team),
                r.OverdueBd?.ToString(c) ?? "", r.AgeBd?.ToString(c) ?? "", Format.Date(r.SlaDueOn), Format.Date(r.NextReminderOn), Format.Date(r.CompletedOn),
                r.Value?.ToString(c) ?? "", CsvText.Field(r.Currency), r.ValueReporting?.ToString(c) ?? "", currency, CsvText.Field(r.Notes),
            ]));
        }

        return csv.ToString();
    }

    private static StringBuilder Start(string title) => new StringBuilder()
        .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"><title>")
        .Append(HtmlText.Encode(title)).Append("</title><style>").Append(DashboardAssets.Style).Append("</style></head><body>");

    private static string AsOfLine(Headline? headline, DateTimeOffset generatedAt) =>
        (headline is null ? "" : $"As of {Format.Date(headline.AsOf)}. ")
        + $"Generated {generatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}. Please update the tracker: complete the stage's date, attach its evidence, or add a note.";
}
