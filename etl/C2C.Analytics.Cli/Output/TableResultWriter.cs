using System.Data.Common;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace C2C.Analytics.Cli.Output;

/// <summary>
/// A table for people to read. Cells are plain text (never parsed as Spectre markup) with control characters shown
/// as visible symbols; numbers are right-aligned; NULL is a dimmed <c>NULL</c>. The table keeps at most
/// <see cref="RowLimit"/> rows in memory: the rest are read and counted, and a note says how many were left out.
/// </summary>
internal sealed class TableResultWriter : IResultWriter
{
    public const int DefaultRowLimit = 10_000;

    // Off a terminal nothing wraps the table: it is as wide as its widest cells need.
    private const int UnboundedWidth = 32_767;

    private static readonly Style Dim = new(decoration: Decoration.Dim);
    private static readonly Style Bold = new(decoration: Decoration.Bold);

    private readonly TextWriter _output;
    private readonly bool _styled;
    private readonly int _width;

    /// <param name="output">Where the table goes.</param>
    /// <param name="styled">Use ANSI styles (on a terminal).</param>
    /// <param name="width">Wrap the table to this many columns; 0 does not wrap it.</param>
    /// <param name="rowLimit">The most rows shown.</param>
    public TableResultWriter(TextWriter output, bool styled = false, int width = 0, int rowLimit = DefaultRowLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowLimit);
        _output = output;
        _styled = styled;
        _width = width;
        RowLimit = rowLimit;
    }

    public int RowLimit { get; }

    public long WriteRows(DbDataReader reader)
    {
        var count = reader.FieldCount;
        var table = new Table { Border = TableBorder.Rounded };
        for (var i = 0; i < count; i++)
        {
            var column = new TableColumn(new Text(Printable(reader.GetName(i)), Bold));
            table.AddColumn(ValueText.IsNumeric(reader.GetFieldType(i)) ? column.RightAligned() : column);
        }

        long rows = 0;
        while (reader.Read())
        {
            if (++rows > RowLimit)
            {
                continue;
            }

            var cells = new IRenderable[count];
            for (var i = 0; i < count; i++)
            {
                cells[i] = reader.IsDBNull(i)
                    ? new Text("NULL", Dim)
                    : new Text(Printable(ValueText.Format(reader.GetValue(i))));
            }

            table.AddRow(cells);
        }

        var console = CreateConsole();
        console.Write(table);
        if (rows > RowLimit)
        {
            WriteNote(console, string.Create(CultureInfo.InvariantCulture,
                $"… {rows - RowLimit:N0} more rows not shown; use --format csv"));
        }

        WriteNote(console, rows == 1 ? "(1 row)" : string.Create(CultureInfo.InvariantCulture, $"({rows:N0} rows)"));
        return rows;
    }

    public void WriteStatus(int rowsChanged)
    {
        var text = rowsChanged switch
        {
            < 0 => "OK",
            1 => "OK (1 row changed)",
            _ => string.Create(CultureInfo.InvariantCulture, $"OK ({rowsChanged:N0} rows changed)"),
        };
        _output.WriteLine(text);
    }

    /// <summary>Control characters (other than line feed) as the Unicode symbols for them, e.g. ESC as ␛.</summary>
    internal static string Printable(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001f') && !text.Contains('\u007f', StringComparison.Ordinal))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    '\n' => c,
                    < '\u0020' => (char)('\u2400' + c),
                    '\u007f' => '\u2421',
                    _ => c,
                };
            }
        });
    }

    private static void WriteNote(IAnsiConsole console, string text)
    {
        console.Write(new Text(text, Dim));
        console.WriteLine();
    }

    private IAnsiConsole CreateConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = _styled ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = _styled ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_output),
        });
        console.Profile.Width = _width > 0 ? _width : UnboundedWidth;
        console.Profile.Capabilities.Unicode = true;
        return console;
    }
}
