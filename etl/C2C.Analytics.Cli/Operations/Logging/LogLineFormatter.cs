using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace C2C.Analytics.Cli.Operations.Logging;

/// <summary>
/// One log record as one line: <c>HH:mm:ss  message</c> for a person, or a JSON object per line for a machine
/// (timestamp, level, category, message, every named value of the message and of the enclosing scopes, exception).
/// </summary>
internal static class LogLineFormatter
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // Log lines are read by people too: keep non-ASCII text and quotes as they are (still valid JSON).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Text(DateTimeOffset timestamp, LogLevel level, string message, Exception? exception)
    {
        var prefix = level switch
        {
            LogLevel.Warning => "warning: ",
            LogLevel.Error or LogLevel.Critical => "error: ",
            _ => "",
        };
        var line = $"{timestamp.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture)}  {prefix}{message}";
        return exception is null || level < LogLevel.Error ? line : line + Environment.NewLine + exception;
    }

    public static string Json(DateTimeOffset timestamp, LogLevel level, string category, string message,
        IEnumerable<KeyValuePair<string, object?>> fields, Exception? exception)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("level", level.ToString());
            json.WriteString("category", category);
            json.WriteString("message", message);
            var written = new HashSet<string>(StringComparer.Ordinal) { "timestamp", "level", "category", "message", "exception" };
            foreach (var (name, value) in fields)
            {
                // Named values become snake_case fields (RunId → run_id, as the warehouse's columns are named); a
                // value that is the whole message is not repeated.
                var key = SnakeCase(name);
                if (name == "{OriginalFormat}" || (value is string text && text == message) || !written.Add(key))
                {
                    continue;
                }

                json.WritePropertyName(key);
                WriteValue(json, value);
            }

            if (exception is not null)
            {
                json.WriteString("exception", exception.ToString());
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case int or long or short or byte:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                json.WriteNumberValue(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset at:
                json.WriteStringValue(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                break;
            case DateOnly date:
                json.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case IEnumerable<string> items:
                json.WriteStartArray();
                foreach (var item in items)
                {
                    json.WriteStringValue(item);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
