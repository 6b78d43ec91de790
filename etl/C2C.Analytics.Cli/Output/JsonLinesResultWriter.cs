using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace C2C.Analytics.Cli.Output;

/// <summary>
/// JSON lines: one object per row, keyed by column name, each on its own line as it is read. Numbers are JSON numbers
/// (DECIMAL and HUGEINT exact; a NaN or infinite double, which JSON cannot hold, as the string "NaN", "Infinity" or
/// "-Infinity"), NULL is null, BLOB is base64, dates, times and timestamps are ISO 8601 strings. Non-ASCII text is
/// written as itself. Repeated column names get a suffix (<c>a</c>, <c>a_1</c>) so that no key is lost.
/// </summary>
internal sealed class JsonLinesResultWriter : IResultWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TextWriter _output;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private char[] _chars = new char[4096];

    public JsonLinesResultWriter(TextWriter output) => _output = output;

    public long WriteRows(DbDataReader reader)
    {
        var names = UniqueNames(reader);
        using var json = new Utf8JsonWriter(_buffer, Options);
        long rows = 0;
        while (reader.Read())
        {
            json.WriteStartObject();
            for (var i = 0; i < names.Length; i++)
            {
                json.WritePropertyName(names[i]);
                WriteValue(json, reader.GetValue(i));
            }

            json.WriteEndObject();
            json.Flush();
            WriteLine(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
            json.Reset();
            rows++;
        }

        return rows;
    }

    /// <summary>A statement without rows prints nothing: scripts read only query results from standard output.</summary>
    public void WriteStatus(int rowsChanged)
    {
    }

    internal static JsonEncodedText[] UniqueNames(DbDataReader reader)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var names = new JsonEncodedText[reader.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            var name = reader.GetName(i);
            var unique = name;
            for (var n = 1; !taken.Add(unique); n++)
            {
                unique = string.Create(CultureInfo.InvariantCulture, $"{name}_{n}");
            }

            names[i] = JsonEncodedText.Encode(unique, Options.Encoder);
        }

        return names;
    }

    private static void WriteValue(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case DBNull:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case sbyte or byte or short or ushort or int or uint or long:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong number:
                json.WriteNumberValue(number);
                break;
            case Int128 or UInt128:
                json.WriteRawValue(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture), skipInputValidation: true);
                break;
            case decimal number:
                json.WriteNumberValue(number);
                break;
            case double number when double.IsFinite(number):
                json.WriteNumberValue(number);
                break;
            case float number when float.IsFinite(number):
                json.WriteNumberValue(number);
                break;
            case byte[] bytes:
                json.WriteBase64StringValue(bytes);
                break;
            default:
                // Dates, times, timestamps, intervals, UUIDs, and NaN or infinite floating point.
                json.WriteStringValue(ValueText.Format(value));
                break;
        }
    }

    private void WriteLine(ReadOnlySpan<byte> utf8)
    {
        var needed = Encoding.UTF8.GetMaxCharCount(utf8.Length);
        if (_chars.Length < needed)
        {
            _chars = new char[Math.Max(needed, _chars.Length * 2)];
        }

        var length = Encoding.UTF8.GetChars(utf8, _chars);
        _output.Write(_chars, 0, length);
        _output.Write('\n');
    }
}
