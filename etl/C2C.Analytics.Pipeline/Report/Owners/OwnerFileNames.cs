using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace C2C.Analytics.Pipeline.Report.Owners;

/// <summary>
/// File names for owner task lists, made from an owner's e-mail (else name) but never trusted: letters and digits
/// only (accents folded to ASCII), every other run of characters one '-', no leading dot, at most 48 characters, so
/// no name can climb out of the folder or hide; a short hash of the owner id makes two owners whose names fold alike
/// differ, and a counter settles the (unlikely) rest. The same owner gets the same name on every run.
/// </summary>
public sealed class OwnerFileNames
{
    public const string Unassigned = "unassigned";

    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A unique base name (no extension) for this owner; null id means the actions nobody owns.</summary>
    public string For(string? ownerId, string? email, string? name)
    {
        var stem = ownerId is null ? Unassigned : Slug(email) is { Length: > 0 } fromEmail ? fromEmail : Slug(name) is { Length: > 0 } fromName ? fromName : "owner";
        var candidate = ownerId is null ? stem : $"{stem}-{ShortHash(ownerId)}";
        var unique = candidate;
        for (var n = 2; !_used.Add(unique); n++)
        {
            unique = string.Create(CultureInfo.InvariantCulture, $"{candidate}-{n}");
        }

        return unique;
    }

    /// <summary>Lower-case ASCII letters and digits joined by single hyphens, at most 48 characters.</summary>
    public static string Slug(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var slug = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length <= 48 ? result : result[..48].TrimEnd('-');
    }

    private static string ShortHash(string ownerId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ownerId)))[..8];
}
