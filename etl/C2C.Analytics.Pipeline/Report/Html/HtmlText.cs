using System.Net;

namespace C2C.Analytics.Pipeline.Report.Html;

/// <summary>
/// Everything written into a page goes through here: source values (names, notes, accounts) are user text, and
/// <c>&lt;script&gt;</c> in a tracker note must show as text. Encodes &lt; &gt; &amp; " and ' (so a value is also safe
/// inside a quoted attribute).
/// </summary>
public static class HtmlText
{
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}
