using System.Buffers;
using System.Data.Common;

namespace C2C.Analytics.Cli.Output;

/// <summary>
/// CSV as RFC 4180 quotes it: a field holding a comma, a double quote, CR or LF is enclosed in double quotes and its
/// quotes are doubled. A header line names the columns. NULL is an empty field and an empty string is <c>""</c>, so the
/// two stay apart (as DuckDB's own COPY writes them). Records end with LF. Rows are written as they are read.
/// </summary>
internal sealed class CsvResultWriter : IResultWriter
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    private readonly TextWriter _output;
    private readonly string _newLine;

    public CsvResultWriter(TextWriter output, string newLine = "\n")
    {
        _output = output;
        _newLine = newLine;
    }

    public long WriteRows(DbDataReader reader)
    {
        var count = reader.FieldCount;
        for (var i = 0; i < count; i++)
        {
            WriteSeparator(i);
            WriteField(reader.GetName(i));
        }

        _output.Write(_newLine);
        long rows = 0;
        while (reader.Read())
        {
            for (var i = 0; i < count; i++)
            {
                WriteSeparator(i);
                if (!reader.IsDBNull(i))
                {
                    WriteField(ValueText.Format(reader.GetValue(i)));
                }
            }

            _output.Write(_newLine);
            rows++;
        }

        return rows;
    }

    /// <summary>A statement without rows prints nothing: scripts read only query results from standard output.</summary>
    public void WriteStatus(int rowsChanged)
    {
    }

    private void WriteSeparator(int column)
    {
        if (column > 0)
        {
            _output.Write(',');
        }
    }

    private void WriteField(string value)
    {
        if (value.Length == 0)
        {
            _output.Write("\"\"");
            return;
        }

        if (!value.AsSpan().ContainsAny(NeedsQuotes))
        {
            _output.Write(value);
            return;
        }

        _output.Write('"');
        var rest = value.AsSpan();
        for (var quote = rest.IndexOf('"'); quote >= 0; quote = rest.IndexOf('"'))
        {
            _output.Write(rest[..(quote + 1)]);
            _output.Write('"');
            rest = rest[(quote + 1)..];
        }

        _output.Write(rest);
        _output.Write('"');
    }
}
