using System.Text;

namespace C2C.Analytics.Pipeline.Tracker;

/// <summary>
/// A stage's <see cref="StageDefinition.EvidenceAttachment"/> name pattern (<c>*</c> any text, <c>?</c> one character)
/// as a SQL <c>LIKE</c> pattern with <c>\</c> as its escape, so that <c>%</c>, <c>_</c> and <c>\</c> in a file name
/// match only themselves.
/// </summary>
public static class AttachmentPattern
{
    public static string? ToLike(string? pattern)
    {
        if (pattern is null)
        {
            return null;
        }

        var like = new StringBuilder(pattern.Length + 4);
        foreach (var c in pattern.Trim())
        {
            like.Append(c switch
            {
                '*' => "%",
                '?' => "_",
                '%' or '_' or '\\' => "\\" + c,
                _ => c.ToString(),
            });
        }

        return like.ToString();
    }
}
