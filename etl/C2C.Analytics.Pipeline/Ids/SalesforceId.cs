using System.Diagnostics.CodeAnalysis;

namespace C2C.Analytics.Pipeline.Ids;

/// <summary>
/// Salesforce record IDs in their 18-character form, the key that runs end to end (deal_id). A 15-character ID (as
/// pasted from a URL: case-sensitive) gets Salesforce's 3-character case checksum appended: for each 5-character
/// chunk, bit i is set when character i is an upper-case A–Z, and the 5-bit value indexes
/// "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".
/// <para>
/// The SQL twin is <c>sf_id18</c> in <c>warehouse/functions/salesforce_id.sql</c>; both follow the same rules and tests
/// check that they agree:
/// surrounding white space (what copy and paste leaves) is ignored; 15 ASCII letters/digits are normalised; 18 ASCII
/// letters/digits are valid only when the last three (compared case-insensitively) are the checksum of the first 15,
/// and come back with the checksum in upper case. An 18-character ID whose checksum does not match is invalid: its
/// case or a character was changed after Salesforce issued it, and guessing which record it meant could join a
/// tracker row to the wrong deal. Anything else is invalid.
/// </para>
/// </summary>
public static class SalesforceId
{
    private const string ChecksumAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    /// <summary>The characters trimmed from both ends: the same set as the SQL <c>clean_text</c> and <c>sf_id18</c>.</summary>
    private static readonly char[] SurroundingWhiteSpace = [' ', '\t', '\n', '\r', '\u00a0', '\u200b', '\u202f', '\ufeff'];

    /// <summary>The 18-character form of <paramref name="value"/>, or false when it is not a Salesforce ID.</summary>
    public static bool TryNormalize(string? value, [NotNullWhen(true)] out string? id18)
    {
        id18 = null;
        if (value is null)
        {
            return false;
        }

        var id = value.AsSpan().Trim(SurroundingWhiteSpace);
        if ((id.Length != 15 && id.Length != 18) || !IsAsciiLettersAndDigits(id))
        {
            return false;
        }

        var checksum = Checksum(id[..15]);
        if (id.Length == 18 && !id[15..].Equals(checksum, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        id18 = string.Concat(id[..15], checksum);
        return true;
    }

    /// <summary>The 18-character form of <paramref name="value"/>, or null when it is not a Salesforce ID.</summary>
    public static string? Normalize(string? value) => TryNormalize(value, out var id18) ? id18 : null;

    /// <summary>True when <paramref name="value"/> is a 15- or 18-character Salesforce ID (see <see cref="TryNormalize"/>).</summary>
    public static bool IsValid(string? value) => TryNormalize(value, out _);

    /// <summary>The 3-character case checksum of a 15-character ID.</summary>
    /// <exception cref="ArgumentException">The ID is not 15 ASCII letters and digits.</exception>
    public static string Checksum(ReadOnlySpan<char> id15)
    {
        if (id15.Length != 15 || !IsAsciiLettersAndDigits(id15))
        {
            throw new ArgumentException("A 15-character Salesforce ID is 15 ASCII letters and digits.", nameof(id15));
        }

        Span<char> checksum = stackalloc char[3];
        for (var chunk = 0; chunk < 3; chunk++)
        {
            var bits = 0;
            for (var i = 0; i < 5; i++)
            {
                if (char.IsAsciiLetterUpper(id15[(chunk * 5) + i]))
                {
                    bits |= 1 << i;
                }
            }

            checksum[chunk] = ChecksumAlphabet[bits];
        }

        return new string(checksum);
    }

    private static bool IsAsciiLettersAndDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
