using System.Text;

namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>
/// Reads what the client needs from a Bulk API 2.0 result page (RFC 4180 CSV, LF or CRLF line ends) while it is being
/// landed, chunk by chunk: its header row when it has one (a row with a column named <c>Id</c>; Salesforce repeats the
/// header on every page, but a page without one is read with the previous page's), how many records follow, and the
/// latest <c>SystemModstamp</c>. <see cref="Complete"/> throws <see cref="InvalidDataException"/> when the page ends
/// inside a quoted value.
/// </summary>
internal sealed class CsvPageScanner(ModstampMaximum modstamps, IReadOnlyList<string>? previousHeader) : IBodyScanner
{
    private readonly List<byte> _cell = [];
    private readonly List<string> _firstRow = [];
    private State _state = State.FieldStart;
    private int _column;
    private long _rows;
    private bool _rowHasContent;
    private int _modstampColumn = -1;

    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    /// <summary>The page's own header, or null when it starts with data.</summary>
    public IReadOnlyList<string>? Header { get; private set; }

    /// <summary>Data rows (not the header).</summary>
    public long Records => Header is null ? _rows : Math.Max(0, _rows - 1);

    public void Append(ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            switch (_state)
            {
                case State.Quoted:
                    if (b == '"')
                    {
                        _state = State.QuoteInQuoted;
                    }
                    else
                    {
                        Keep(b);
                    }

                    break;
                case State.QuoteInQuoted when b == '"':
                    Keep(b);
                    _state = State.Quoted;
                    break;
                default:
                    Outside(b);
                    break;
            }
        }
    }

    public void Complete()
    {
        if (_state == State.Quoted)
        {
            throw new InvalidDataException("The page ends inside a quoted value.");
        }

        if (_rowHasContent)
        {
            EndRow();
        }
    }

    private void Outside(byte b)
    {
        switch (b)
        {
            case (byte)'"' when _state == State.FieldStart:
                _state = State.Quoted;
                _rowHasContent = true;
                break;
            case (byte)',':
                EndCell();
                _column++;
                _state = State.FieldStart;
                _rowHasContent = true;
                break;
            case (byte)'\n':
                if (_rowHasContent)
                {
                    EndRow();
                }

                break;
            case (byte)'\r':
                break;
            default:
                Keep(b);
                _state = State.Unquoted;
                _rowHasContent = true;
                break;
        }
    }

    private void Keep(byte b)
    {
        // Only the first row's cells and the SystemModstamp column are kept.
        if (_rows == 0 || _column == _modstampColumn)
        {
            _cell.Add(b);
        }
    }

    private void EndCell()
    {
        if (_rows == 0)
        {
            _firstRow.Add(Encoding.UTF8.GetString(_cell.ToArray()));
        }
        else if (_column == _modstampColumn && _cell.Count > 0)
        {
            modstamps.Add(_cell.ToArray());
        }

        _cell.Clear();
    }

    private void EndRow()
    {
        EndCell();
        if (_rows == 0)
        {
            var isHeader = _firstRow.Contains("Id", StringComparer.Ordinal);
            Header = isHeader ? _firstRow.ToList() : null;
            var columns = Header ?? previousHeader;
            _modstampColumn = columns is null ? -1 : IndexOf(columns, "SystemModstamp");
            if (!isHeader && _modstampColumn >= 0 && _modstampColumn < _firstRow.Count && _firstRow[_modstampColumn].Length > 0)
            {
                modstamps.Add(_firstRow[_modstampColumn]);
            }
        }

        _rows++;
        _column = 0;
        _state = State.FieldStart;
        _rowHasContent = false;
    }

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
