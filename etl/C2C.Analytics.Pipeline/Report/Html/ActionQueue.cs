using System.Text;
using C2C.Analytics.Pipeline.Report.Data;

namespace C2C.Analytics.Pipeline.Report.Html;

/// <summary>
/// The action queue as a table: on the dashboard its most urgent rows with sort, filter and pages (the page holds at
/// most Report:QueueRows rows, never the whole queue); on an owner's page every action of that owner.
/// </summary>
public static class ActionQueue
{
    public static readonly IReadOnlyList<string> Actions = ["stuck", "overdue", "gate_violation", "due_soon", "reminder_due", "missing_evidence"];

    public static string Label(string action) => action switch
    {
        "stuck" => "Stuck",
        "overdue" => "Overdue",
        "gate_violation" => "Gate violation",
        "due_soon" => "Due soon",
        "reminder_due" => "Reminder due",
        "missing_evidence" => "Missing evidence",
        _ => action,
    };

    public static void Render(StringBuilder html, DashboardData data, int queueRows)
    {
        var total = data.Headline?.ActionCount ?? data.Queue.Count;
        html.Append("<section class=\"panel wide\" id=\"queue-panel\" style=\"margin-top:14px\"><h2>Action queue</h2><p class=\"note\">");
        html.Append(total > data.Queue.Count
            ? HtmlText.Encode($"The {Format.Count(data.Queue.Count)} most urgent of {Format.Count(total)} actions (Report:QueueRows = {queueRows}). Every action is in the owner task lists (c2c report --owners).")
            : HtmlText.Encode($"{Format.Count(total)} actions, most urgent first. Click a column to sort."));
        html.Append("</p>");
        if (data.Queue.Count == 0)
        {
            html.Append("<p class=\"empty\">No data: nothing needs action.</p></section>");
            return;
        }

        html.Append("<div class=\"controls\"><label>Filter <input id=\"queue-filter\" type=\"search\" placeholder=\"deal, owner, stage, note…\"></label>")
            .Append("<label>Action <select id=\"queue-action\"><option value=\"\">All</option>");
        foreach (var action in Actions)
        {
            html.Append("<option value=\"").Append(action).Append("\">").Append(HtmlText.Encode(Label(action))).Append("</option>");
        }

        html.Append("</select></label><span class=\"pager\"><button type=\"button\" id=\"queue-prev\">‹ Prev</button> <span id=\"queue-page-info\"></span> ")
            .Append("<button type=\"button\" id=\"queue-next\">Next ›</button></span></div>");
        Table(html, "queue", data.Queue, data.Headline?.ReportingCurrency ?? "USD", sortable: true, withOwner: true);
        html.Append("</section>");
    }

    public static void Table(StringBuilder html, string id, IReadOnlyList<ActionRow> rows, string reportingCurrency, bool sortable, bool withOwner)
    {
        html.Append("<div class=\"table-wrap\"><table id=\"").Append(id).Append("\"><thead><tr>");
        void Head(string title, string type, bool numeric = false) =>
            html.Append("<th data-type=\"").Append(type).Append(numeric ? "\" class=\"num\">" : "\">")
                .Append(sortable ? "<button type=\"button\">" : "").Append(HtmlText.Encode(title)).Append(sortable ? "</button>" : "").Append("</th>");
        Head("#", "num", true);
        Head("Action", "num");
        Head("Deal", "text");
        Head("Stage", "text");
        if (withOwner)
        {
            Head("Owner", "text");
            Head("Team", "text");
        }

        Head("Overdue (bd)", "num", true);
        Head("Age (bd)", "num", true);
        Head("SLA due", "text");
        Head("Next reminder", "text");
        Head($"Value ({reportingCurrency})", "num", true);
        Head("Notes", "text");
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr data-action=\"").Append(HtmlText.Encode(row.Action)).Append("\">");
            Cell(html, Format.Count(row.QueueRank), Format.Raw(row.QueueRank), numeric: true);
            html.Append("<td data-sort=\"").Append(row.Priority).Append("\"><span class=\"tag tag-").Append(HtmlText.Encode(row.Action)).Append("\">")
                .Append(HtmlText.Encode(Label(row.Action))).Append("</span></td>");
            html.Append("<td>").Append(HtmlText.Encode(row.EngagementName ?? row.DealId)).Append("<br><span class=\"muted\">")
                .Append(HtmlText.Encode(row.Account)).Append(" · ").Append(HtmlText.Encode(row.DealId)).Append("</span></td>");
            Cell(html, row.StageName);
            if (withOwner)
            {
                html.Append("<td>").Append(HtmlText.Encode(row.OwnerName ?? "Unassigned")).Append("<br><span class=\"muted\">")
                    .Append(HtmlText.Encode(row.OwnerEmail)).Append(" · ").Append(HtmlText.Encode(row.OwnerRole)).Append("</span></td>");
                Cell(html, row.Team ?? "Unassigned");
            }

            Cell(html, row.OverdueBd is { } overdue ? Format.Count(overdue) : "", row.OverdueBd is { } o ? Format.Raw(o) : "", numeric: true);
            Cell(html, row.AgeBd is { } age ? Format.Count(age) : "", row.AgeBd is { } a ? Format.Raw(a) : "", numeric: true);
            Cell(html, Format.Date(row.SlaDueOn));
            Cell(html, Format.Date(row.NextReminderOn));
            Cell(html, row.ValueReporting is { } value ? Format.Money(value, reportingCurrency) : row.Value is { } own ? Format.Amount(own, row.Currency) : "",
                row.ValueReporting is { } v ? Format.Raw(v) : "", numeric: true);
            html.Append("<td class=\"notes\">").Append(HtmlText.Encode(row.Notes)).Append("</td></tr>");
        }

        html.Append("</tbody></table></div>");
    }

    private static void Cell(StringBuilder html, string text, string? sort = null, bool numeric = false)
    {
        html.Append("<td");
        if (numeric)
        {
            html.Append(" class=\"num\"");
        }

        if (sort is not null)
        {
            html.Append(" data-sort=\"").Append(HtmlText.Encode(sort)).Append('"');
        }

        html.Append('>').Append(HtmlText.Encode(text)).Append("</td>");
    }
}
