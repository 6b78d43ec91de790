using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace C2C.Analytics.Pipeline.Sample;

/// <summary>
/// How the sample writes JSON the way the sources do: compact, UTF-8 text as is (no \u escapes for accented letters or
/// CJK; "&lt;" stays "&lt;"), Salesforce numbers as Java prints doubles (125000.0, 1.25E7) and both sources' date and
/// time formats.
/// </summary>
internal static class SampleJson
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteDate(Utf8JsonWriter writer, JsonEncodedText name, DateOnly date)
    {
        Span<byte> text = stackalloc byte[10];
        date.TryFormat(text, out var length, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer.WriteString(name, text[..length]);
    }

    /// <summary>A Salesforce datetime: <c>2024-05-01T12:34:56.000+0000</c> (UTC, milliseconds, no colon in the offset).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteSalesforceTimestamp(Utf8JsonWriter writer, JsonEncodedText name, DateTime utc)
    {
        Span<byte> text = stackalloc byte[32];
        utc.TryFormat(text, out var length, "yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
        writer.WriteString(name, text[..length]);
    }

    /// <summary>A Smartsheet timestamp: <c>2024-05-01T12:34:56Z</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteSmartsheetTimestamp(Utf8JsonWriter writer, JsonEncodedText name, DateTime utc)
    {
        Span<byte> text = stackalloc byte[32];
        utc.TryFormat(text, out var length, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        writer.WriteString(name, text[..length]);
    }

    /// <summary>A currency or percent field as Salesforce's JSON carries it (a Java double), or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteJavaNumber(Utf8JsonWriter writer, JsonEncodedText name, decimal? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WritePropertyName(name);
        writer.WriteRawValue(JavaDouble(value.Value), skipInputValidation: true);
    }

    /// <summary>
    /// Java's <c>Double.toString</c> for an amount with at most a few decimals: at least one decimal digit
    /// (125000.0, 48000.5), and scientific notation from 10^7 (1.25E7, 1.23456789E7) or below 10^-3.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string JavaDouble(decimal value)
    {
        if (value == 0)
        {
            return "0.0";
        }

        var sign = value < 0 ? "-" : "";
        var magnitude = Math.Abs(value);
        var plain = magnitude.ToString("0.############", CultureInfo.InvariantCulture);
        if (magnitude is >= 0.001m and < 10_000_000m)
        {
            return sign + (plain.Contains('.', StringComparison.Ordinal) ? plain : plain + ".0");
        }

        var point = plain.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = point < 0 ? plain.Length : point;
        var digits = plain.Replace(".", "", StringComparison.Ordinal).TrimStart('0');
        var exponent = integerDigits - 1 - (plain.Replace(".", "", StringComparison.Ordinal).Length - digits.Length);
        if (magnitude < 1)
        {
            // 0.000123 → digits "123"; the first significant digit sits (leading zeros after the point + 1) places down.
            exponent = -(plain.Length - point - 1 - digits.Length + 1);
        }

        digits = digits.TrimEnd('0');
        var mantissa = digits.Length == 1 ? digits + ".0" : digits[0] + "." + digits[1..];
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{mantissa}E{exponent}");
    }

    /// <summary>Money as a tracker shows it: "$125,000.00", "€48,000.50", "£1,250.00".</summary>
    public static string DisplayMoney(decimal amount, string currency)
    {
        var symbol = currency switch
        {
            "EUR" => "€",
            "GBP" => "£",
            _ => "$",
        };
        return symbol + amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
    }
}
