using C2C.Analytics.DuckDb.Native;
using C2C.Analytics.DuckDb.Writers;

namespace C2C.Analytics.DuckDb;

/// <summary>
/// Bulk load into one table: rows are written into a DuckDB data chunk in place and handed over a chunk (2,048
/// rows) at a time. <see cref="Close"/> (or Dispose) flushes; constraint errors surface there with DuckDB's message.
/// </summary>
public sealed unsafe class DuckDbAppender : IDisposable
{
    private readonly AppenderHandle _native;
    private readonly DataChunkHandle _chunk;
    private readonly ColumnWriter[] _writers;
    private readonly int _capacity;
    private readonly string _table;
    private int _row;
    private int _column;
    private bool _closed;

    internal DuckDbAppender(DuckDbConnection connection, string? schema, string table)
    {
        _table = schema is null ? table : $"{schema}.{table}";
        if (NativeMethods.duckdb_appender_create_ext(connection.NativeHandle, null, schema, table, out _native) != DuckDbState.Success)
        {
            var error = Error($"Cannot create an appender for table '{_table}'");
            _native.Dispose();
            throw error;
        }

        var count = (int)NativeMethods.duckdb_appender_column_count(_native);
        _writers = new ColumnWriter[count];
        var types = new LogicalTypeHandle[count];
        var pointers = stackalloc IntPtr[Math.Max(count, 1)];
        try
        {
            for (var i = 0; i < count; i++)
            {
                types[i] = NativeMethods.duckdb_appender_column_type(_native, (ulong)i);
                pointers[i] = types[i].DangerousGetHandle();
                _writers[i] = ColumnWriterFactory.Create(i, types[i]);
            }

            var chunk = NativeMethods.duckdb_create_data_chunk(pointers, (ulong)count);
            _chunk = new DataChunkHandle();
            System.Runtime.InteropServices.Marshal.InitHandle(_chunk, chunk);
        }
        catch
        {
            _native.Dispose();
            throw;
        }
        finally
        {
            foreach (var type in types)
            {
                type?.Dispose();
            }
        }

        _capacity = (int)NativeMethods.duckdb_vector_size();
        BindVectors();
    }

    public int ColumnCount => _writers.Length;

    /// <summary>Starts a row: append exactly <see cref="ColumnCount"/> values, then <see cref="DuckDbAppenderRow.EndRow"/>.</summary>
    public DuckDbAppenderRow CreateRow()
    {
        EnsureOpen();
        if (_column != 0)
        {
            throw new InvalidOperationException($"The previous row has {_column} of {_writers.Length} values and was not ended.");
        }

        return new DuckDbAppenderRow(this);
    }

    /// <summary>Hands every complete row to DuckDB and closes the appender.</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        try
        {
            if (_row > 0)
            {
                AppendChunk();
            }

            if (NativeMethods.duckdb_appender_close(_native) != DuckDbState.Success)
            {
                throw Error($"Appending to '{_table}' failed");
            }
        }
        finally
        {
            _chunk.Dispose();
            _native.Dispose();
        }
    }

    public void Dispose() => Close();

    internal ColumnWriter NextWriter()
    {
        EnsureOpen();
        if (_column >= _writers.Length)
        {
            throw new InvalidOperationException($"Too many values: table '{_table}' has {_writers.Length} columns.");
        }

        return _writers[_column];
    }

    internal int CurrentRow => _row;

    internal void Advance() => _column++;

    internal void EndRow()
    {
        if (_column != _writers.Length)
        {
            throw new InvalidOperationException($"A row of table '{_table}' needs {_writers.Length} values; {_column} were appended.");
        }

        _column = 0;
        if (++_row == _capacity)
        {
            AppendChunk();
        }
    }

    private void AppendChunk()
    {
        var chunk = _chunk.DangerousGetHandle();
        NativeMethods.duckdb_data_chunk_set_size(chunk, (ulong)_row);
        if (NativeMethods.duckdb_append_data_chunk(_native, chunk) != DuckDbState.Success)
        {
            throw Error($"Appending to '{_table}' failed");
        }

        NativeMethods.duckdb_data_chunk_reset(chunk);
        _row = 0;
        BindVectors();
    }

    private void BindVectors()
    {
        var chunk = _chunk.DangerousGetHandle();
        for (var i = 0; i < _writers.Length; i++)
        {
            _writers[i].Bind(NativeMethods.duckdb_data_chunk_get_vector(chunk, (ulong)i));
        }
    }

    private DuckDbException Error(string context)
    {
        using var error = NativeMethods.duckdb_appender_error_data(_native);
        if (error.IsInvalid || !NativeMethods.duckdb_error_data_has_error(error))
        {
            return new DuckDbException($"{context}.");
        }

        return new DuckDbException(
            $"{context}: {NativeMethods.duckdb_error_data_message(error).Read()}", NativeMethods.duckdb_error_data_error_type(error));
    }

    private void EnsureOpen() => ObjectDisposedException.ThrowIf(_closed, this);
}
