using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace C2C.Analytics.Calendar;

/// <summary>
/// A holiday file: company-specific and one-off days to add to the built-in holiday sets, and built-in days to
/// remove from them.
/// </summary>
/// <remarks>
/// <para>Format: CSV (UTF-8, optional BOM) with a header row; columns <c>date</c> and <c>name</c>, and an optional
/// column <c>action</c> (<c>add</c>, the default when the column or the cell is empty, or <c>remove</c>):</para>
/// <code>
/// date,name,action
/// # end-of-year shutdown
/// 2026-12-28,Year-end shutdown,add
/// 2026-12-29,Year-end shutdown,add
/// 2026-10-12,Columbus Day (we work),remove
/// </code>
/// <para>Dates are ISO <c>yyyy-MM-dd</c>. Blank lines and lines starting with <c>#</c> are skipped. A field may be
/// quoted (<c>"Shutdown, week 1"</c>; <c>""</c> inside quotes is one quote). A <c>remove</c> row removes every
/// built-in holiday on its date; a date may not be both added and removed.</para>
/// <para>Every bad row is collected (unparseable or out-of-range date, missing name, unknown action, wrong number of
/// columns, a date both added and removed, a removal where no built-in holiday falls) and reported in one
/// <see cref="HolidayFileException"/> that names the file, the line and the reason of each.</para>
/// </remarks>
public sealed class HolidayFile
{
    /// <summary>The <see cref="Holiday.Source"/> of the days a holiday file adds.</summary>
    public const string SourceName = "holiday-file";

    private const string DateFormat = "yyyy-MM-dd";

    private HolidayFile(string path, IReadOnlyList<HolidayFileEntry> entries, string? sha256 = null)
    {
        Path = path;
        Entries = entries;
        Sha256 = sha256;
    }

    /// <summary>The file's path, as given.</summary>
    public string Path { get; }

    /// <summary>
    /// SHA-256 of the file's bytes as read (lower-case hex), so that a warehouse can record exactly which holiday
    /// file built its calendar; <c>null</c> when the text was parsed from a reader rather than read from a file.
    /// </summary>
    public string? Sha256 { get; }

    /// <summary>The rows, in file order.</summary>
    public IReadOnlyList<HolidayFileEntry> Entries { get; }

    /// <summary>Reads and checks a holiday file.</summary>
    /// <exception cref="HolidayFileException">The file cannot be read or has bad rows.</exception>
    public static HolidayFile Load(string path)
    {
        var file = Read(path, out var errors);
        return errors.Count == 0 ? file : throw new HolidayFileException(path, errors);
    }

    /// <summary>Parses and checks holiday file text; <paramref name="path"/> names it in errors.</summary>
    /// <exception cref="HolidayFileException">The text has bad rows.</exception>
    public static HolidayFile Parse(TextReader reader, string path)
    {
        var file = Parse(reader, path, out var errors);
        return errors.Count == 0 ? file : throw new HolidayFileException(path, errors);
    }

    /// <summary>Reads a holiday file, collecting every problem instead of throwing; the good rows are returned.</summary>
    internal static HolidayFile Read(string path, out List<HolidayFileError> errors)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            // Read once: the hash and the rows come from the same bytes.
            var bytes = File.ReadAllBytes(path);
            using var reader = new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var parsed = Parse(reader, path, out errors);
            return new HolidayFile(path, parsed.Entries, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException
                ? "the file does not exist"
                : $"the file cannot be read ({ex.GetType().Name})";
            errors = [new HolidayFileError(0, reason)];
            return new HolidayFile(path, []);
        }
    }

    /// <summary>Parses holiday file text, collecting every problem instead of throwing; the good rows are returned.</summary>
    internal static HolidayFile Parse(TextReader reader, string path, out List<HolidayFileError> errors)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(path);
        errors = [];
        var entries = new List<HolidayFileEntry>();
        var firstByDate = new Dictionary<DateOnly, HolidayFileEntry>();
        var fields = new List<string>();
        Columns? columns = null;
        var lineNumber = 0;

        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            if (!TrySplit(line, fields, out var splitError))
            {
                errors.Add(new HolidayFileError(lineNumber, splitError));
                if (columns is null)
                {
                    return new HolidayFile(path, entries);
                }

                continue;
            }

            if (columns is null)
            {
                columns = ReadHeader(fields, out var headerError);
                if (columns is null)
                {
                    errors.Add(new HolidayFileError(lineNumber, headerError!));
                    return new HolidayFile(path, entries);
                }

                continue;
            }

            var entry = ReadRow(fields, columns, lineNumber, errors);
            if (entry is null)
            {
                continue;
            }

            if (firstByDate.TryGetValue(entry.Date, out var first))
            {
                if (first.Action != entry.Action)
                {
                    errors.Add(new HolidayFileError(
                        lineNumber,
                        $"date {entry.Date.ToString(DateFormat, CultureInfo.InvariantCulture)} is {Verb(entry.Action)} here but "
                        + $"{Verb(first.Action)} on line {first.Line}; a date is either added or removed"));
                    continue;
                }
            }
            else
            {
                firstByDate.Add(entry.Date, entry);
            }

            entries.Add(entry);
        }

        if (columns is null)
        {
            errors.Add(new HolidayFileError(
                Math.Max(lineNumber, 1), "the file has no header row; the first row must be 'date,name' or 'date,name,action'"));
        }

        return new HolidayFile(path, entries);
    }

    private static string Verb(HolidayFileAction action) => action == HolidayFileAction.Add ? "added" : "removed";

    private static Columns? ReadHeader(List<string> fields, out string? error)
    {
        int date = -1, name = -1, action = -1;
        error = null;
        for (var i = 0; i < fields.Count; i++)
        {
            var header = fields[i].Trim().ToLowerInvariant();
            ref var slot = ref date;
            switch (header)
            {
                case "date":
                    slot = ref date;
                    break;
                case "name":
                    slot = ref name;
                    break;
                case "action":
                    slot = ref action;
                    break;
                default:
                    error = $"unknown column '{fields[i].Trim()}' in the header; the columns are date, name and (optional) action";
                    return null;
            }

            if (slot >= 0)
            {
                error = $"column '{header}' appears twice in the header";
                return null;
            }

            slot = i;
        }

        if (date < 0 || name < 0)
        {
            error = "the header must name the columns 'date' and 'name' (and optionally 'action'), e.g. 'date,name,action'";
            return null;
        }

        return new Columns(date, name, action, fields.Count);
    }

    private static HolidayFileEntry? ReadRow(List<string> fields, Columns columns, int line, List<HolidayFileError> errors)
    {
        var errorsBefore = errors.Count;
        if (fields.Count > columns.Count)
        {
            errors.Add(new HolidayFileError(line, $"{fields.Count} columns, but the header has {columns.Count}"));
            return null;
        }

        var dateText = Field(fields, columns.Date);
        var name = Field(fields, columns.Name);
        var actionText = Field(fields, columns.Action);

        var date = default(DateOnly);
        if (dateText.Length == 0)
        {
            errors.Add(new HolidayFileError(line, "missing date"));
        }
        else if (!DateOnly.TryParseExact(dateText, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors.Add(new HolidayFileError(line, $"unparseable date '{dateText}' (expected {DateFormat}, e.g. 2026-12-24)"));
        }
        else if (date < BusinessCalendar.MinDate)
        {
            errors.Add(new HolidayFileError(
                line,
                $"date {dateText} is before {BusinessCalendar.MinDate.ToString(DateFormat, CultureInfo.InvariantCulture)}, the first date the calendar supports"));
        }

        if (name.Length == 0)
        {
            errors.Add(new HolidayFileError(line, "missing name"));
        }

        var action = HolidayFileAction.Add;
        if (actionText.Length > 0)
        {
            if (actionText.Equals("add", StringComparison.OrdinalIgnoreCase))
            {
                action = HolidayFileAction.Add;
            }
            else if (actionText.Equals("remove", StringComparison.OrdinalIgnoreCase))
            {
                action = HolidayFileAction.Remove;
            }
            else
            {
                errors.Add(new HolidayFileError(line, $"unknown action '{actionText}' (expected add or remove)"));
            }
        }

        return errors.Count == errorsBefore ? new HolidayFileEntry(line, date, name, action) : null;
    }

    private static string Field(List<string> fields, int index) =>
        index >= 0 && index < fields.Count ? fields[index] : string.Empty;

    /// <summary>Splits one CSV line (RFC 4180 quoting, no line breaks inside fields); fields are trimmed.</summary>
    private static bool TrySplit(string line, List<string> fields, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        fields.Clear();
        error = null;
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }

            field.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        error = "a quoted field is not closed (a field that starts with \" must end with \")";
                        return false;
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(line[i]);
                    i++;
                }

                while (i < line.Length && line[i] is ' ' or '\t')
                {
                    i++;
                }

                if (i < line.Length && line[i] != ',')
                {
                    error = "unexpected text after a quoted field";
                    return false;
                }

                fields.Add(field.ToString().Trim());
            }
            else
            {
                var comma = line.IndexOf(',', i);
                var end = comma < 0 ? line.Length : comma;
                fields.Add(line[i..end].Trim());
                i = end;
            }

            if (i >= line.Length)
            {
                return true;
            }

            i++; // the comma
        }
    }

    private sealed record Columns(int Date, int Name, int Action, int Count);
}
