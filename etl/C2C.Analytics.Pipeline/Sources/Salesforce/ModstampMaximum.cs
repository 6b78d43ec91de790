using System.Globalization;
using System.Text;

namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>
/// The latest SystemModstamp among the records of a read, kept as text and compared without parsing: Salesforce
/// writes every datetime in UTC with milliseconds (<c>2025-06-01T12:00:00.000+0000</c> in JSON, <c>…Z</c> in Bulk CSV),
/// so the first 23 characters order them. A value in another form is parsed.
/// </summary>
internal sealed class ModstampMaximum
{
    private const int SortableLength = 23; // yyyy-MM-ddTHH:mm:ss.fff
    private readonly byte[] _latest = new byte[SortableLength];
    private DateTimeOffset? _parsed;
    private bool _hasLatest;

    public DateTimeOffset? Value
    {
        get
        {
            var fromText = _hasLatest
                ? DateTimeOffset.ParseExact(Encoding.ASCII.GetString(_latest), "yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
                : (DateTimeOffset?)null;
            return Max(fromText, _parsed);
        }
    }

    public void Add(ReadOnlySpan<byte> value)
    {
        if (IsUtcMilliseconds(value))
        {
            var sortable = value[..SortableLength];
            if (!_hasLatest || sortable.SequenceCompareTo(_latest) > 0)
            {
                sortable.CopyTo(_latest);
                _hasLatest = true;
            }
        }
        else if (DateTimeOffset.TryParse(Encoding.UTF8.GetString(value).Replace("+0000", "+00:00", StringComparison.Ordinal),
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            _parsed = Max(_parsed, parsed);
        }
    }

    public void Add(string value) => Add(Encoding.UTF8.GetBytes(value));

    /// <summary>Takes in another read's latest (a page's, once it has landed whole).</summary>
    public void Add(ModstampMaximum other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._hasLatest && (!_hasLatest || other._latest.AsSpan().SequenceCompareTo(_latest) > 0))
        {
            other._latest.CopyTo(_latest, 0);
            _hasLatest = true;
        }

        _parsed = Max(_parsed, other._parsed);
    }

    private static bool IsUtcMilliseconds(ReadOnlySpan<byte> v) =>
        (v.Length == 28 && v[23..].SequenceEqual("+0000"u8)) || (v.Length == 24 && v[23] == (byte)'Z')
        ? v[4] == '-' && v[7] == '-' && v[10] == 'T' && v[13] == ':' && v[16] == ':' && v[19] == '.'
            && Digits(v[..4]) && Digits(v.Slice(5, 2)) && Digits(v.Slice(8, 2)) && Digits(v.Slice(11, 2)) && Digits(v.Slice(14, 2))
            && Digits(v.Slice(17, 2)) && Digits(v.Slice(20, 3))
        : false;

    private static bool Digits(ReadOnlySpan<byte> v)
    {
        foreach (var b in v)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        return true;
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
