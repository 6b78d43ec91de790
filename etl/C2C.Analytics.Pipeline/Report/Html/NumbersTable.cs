using System.Text;

namespace C2C.Analytics.Pipeline.Report.Html;

/// <summary>The numbers behind a chart, as a plain table under a "Numbers" disclosure. Every cell is encoded.</summary>
public static class NumbersTable
{
    public static string Render(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, bool open = false)
    {
        var html = new StringBuilder();
        html.Append(open ? "<details class=\"numbers\" open>" : "<details class=\"numbers\">").Append("<summary>Numbers</summary><div class=\"table-wrap\"><table><thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th>").Append(HtmlText.Encode(header)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                html.Append(i == 0 ? "<th scope=\"row\">" : "<td>").Append(HtmlText.Encode(row[i])).Append(i == 0 ? "</th>" : "</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table></div></details>").ToString();
    }
}
