using C2C.Analytics.Pipeline.Ids;

namespace C2C.Analytics.Pipeline.Sample;

/// <summary>
/// Issues Salesforce-shaped record IDs in increasing order, as an org does: 3-character key prefix (006 Opportunity,
/// 001 Account, 005 User, 008 OpportunityHistory, 01g query locator), 2-character pod, a reserved '0', a 9-character
/// base-62 record number, and the 3-character case checksum (<see cref="SalesforceId.Checksum"/>).
/// </summary>
internal sealed class SalesforceIdGenerator
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string Pod = "Kx";

    private readonly string _keyPrefix;
    private readonly SampleRandom _random;
    private long _number;

    public SalesforceIdGenerator(string keyPrefix, SampleRandom random)
    {
        if (keyPrefix.Length != 3)
        {
            throw new ArgumentException("A key prefix has three characters.", nameof(keyPrefix));
        }

        _keyPrefix = keyPrefix;
        _random = random;
        // Start somewhere in the middle of the 9-character range so the numbers carry mixed-case letters.
        _number = random.NextLong(62L * 62 * 62 * 62 * 62 * 62, 62L * 62 * 62 * 62 * 62 * 62 * 62);
    }

    /// <summary>The next 18-character ID (sparse: record numbers advance by 1–5, as IDs of other objects interleave).</summary>
    public string Next()
    {
        _number += _random.Next(1, 6);
        Span<char> id = stackalloc char[18];
        _keyPrefix.AsSpan().CopyTo(id);
        Pod.AsSpan().CopyTo(id[3..]);
        id[5] = '0';
        var number = _number;
        for (var i = 14; i >= 6; i--)
        {
            id[i] = Base62[(int)(number % 62)];
            number /= 62;
        }

        SalesforceId.Checksum(id[..15]).AsSpan().CopyTo(id[15..]);
        return new string(id);
    }
}
