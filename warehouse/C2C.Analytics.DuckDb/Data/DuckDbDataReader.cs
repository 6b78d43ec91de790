using System.Collections;
using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using C2C.Analytics.DuckDb.Native;
using C2C.Analytics.DuckDb.Readers;

namespace C2C.Analytics.DuckDb;

/// <summary>
/// Streams a DuckDB result one data chunk (up to 2,048 rows) at a time: memory stays flat however many rows the
/// query returns. One reader per connection at a time.
/// </summary>
public sealed unsafe class DuckDbDataReader : DbDataReader
{
    private readonly DuckDbConnection _connection;
    private readonly ResultHandle _result;
    private readonly ColumnReader[] _columns;
    private readonly CommandBehavior _behavior;
    private readonly int _recordsAffected;
    private DataChunkHandle? _chunk;
    private int _chunkSize;
    private int _row = -1;
    private bool _exhausted;
    private bool _closed;

    internal DuckDbDataReader(DuckDbConnection connection, ResultHandle result, int recordsAffected, CommandBehavior behavior)
    {
        _connection = connection;
        _result = result;
        _behavior = behavior;
        _recordsAffected = recordsAffected;
        ResultKind = NativeMethods.duckdb_result_return_type(*result.Pointer) switch
        {
            DuckDbResultType.ChangedRows => DuckDbResultKind.ChangedRows,
            DuckDbResultType.QueryResult => DuckDbResultKind.Rows,
            _ => DuckDbResultKind.Nothing,
        };
        var count = (int)NativeMethods.duckdb_column_count(result.Pointer);
        _columns = new ColumnReader[count];
        for (var i = 0; i < count; i++)
        {
            var name = NativeMethods.duckdb_column_name(result.Pointer, (ulong)i).Read() ?? $"column{i}";
            using var logicalType = NativeMethods.duckdb_column_logical_type(result.Pointer, (ulong)i);
            _columns[i] = ColumnReaderFactory.Create(name, logicalType);
        }

        // The first chunk is fetched now so that HasRows is known and a failing query fails at ExecuteReader.
        FetchChunk();
        _row = -1;
    }

    /// <summary>What DuckDB says the last statement returned: rows of a query, a count of changed rows, or nothing.</summary>
    public DuckDbResultKind ResultKind { get; }

    public override int FieldCount => _columns.Length;

    public override int RecordsAffected => _recordsAffected;

    public override bool HasRows => _chunk is not null;

    public override bool IsClosed => _closed;

    public override int Depth => 0;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override bool Read()
    {
        if (_closed)
        {
            throw new InvalidOperationException("The data reader is closed.");
        }

        if (_chunk is null)
        {
            return false;
        }

        if (++_row < _chunkSize)
        {
            return true;
        }

        return FetchChunk();
    }

    public override bool NextResult() => false;

    public override string GetName(int ordinal) => _columns[ordinal].Name;

    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            if (string.Equals(_columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        for (var i = 0; i < _columns.Length; i++)
        {
            if (string.Equals(_columns[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new IndexOutOfRangeException($"The result has no column named '{name}'.");
    }

    public override string GetDataTypeName(int ordinal) => _columns[ordinal].TypeName;

    public override Type GetFieldType(int ordinal) => _columns[ordinal].ClrType;

    /// <summary>DuckDB's type id of a column.</summary>
    public DuckDbType GetDuckDbType(int ordinal) => _columns[ordinal].Type;

    public override bool IsDBNull(int ordinal) => Column(ordinal).IsNull(_row);

    public override object GetValue(int ordinal)
    {
        var column = Column(ordinal);
        return column.IsNull(_row) ? DBNull.Value : column.GetValue(_row);
    }

    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, _columns.Length);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }

        return count;
    }

    public override bool GetBoolean(int ordinal) => NotNull(ordinal).GetBoolean(_row);

    public override byte GetByte(int ordinal) => NotNull(ordinal).GetByte(_row);

    public override char GetChar(int ordinal) => GetString(ordinal)[0];

    public override short GetInt16(int ordinal) => NotNull(ordinal).GetInt16(_row);

    public override int GetInt32(int ordinal) => NotNull(ordinal).GetInt32(_row);

    public override long GetInt64(int ordinal) => NotNull(ordinal).GetInt64(_row);

    public override float GetFloat(int ordinal) => NotNull(ordinal).GetFloat(_row);

    public override double GetDouble(int ordinal) => NotNull(ordinal).GetDouble(_row);

    public override decimal GetDecimal(int ordinal) => NotNull(ordinal).GetDecimal(_row);

    public override string GetString(int ordinal) => NotNull(ordinal).GetString(_row);

    public override DateTime GetDateTime(int ordinal) => NotNull(ordinal).GetDateTime(_row);

    public DateOnly GetDateOnly(int ordinal) => NotNull(ordinal).GetDateOnly(_row);

    public override Guid GetGuid(int ordinal) => NotNull(ordinal).GetGuid(_row);

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        if (NotNull(ordinal) is not VarcharReader column)
        {
            throw new InvalidCastException($"Column '{GetName(ordinal)}' is not a BLOB or VARCHAR.");
        }

        var bytes = column.Bytes(_row);
        if (buffer is null)
        {
            return bytes.Length;
        }

        var available = Math.Max(0, bytes.Length - (int)dataOffset);
        var count = Math.Min(available, length);
        bytes.Slice((int)dataOffset, count).CopyTo(buffer.AsSpan(bufferOffset));
        return count;
    }

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = GetString(ordinal);
        if (buffer is null)
        {
            return text.Length;
        }

        var count = Math.Min(Math.Max(0, text.Length - (int)dataOffset), length);
        text.CopyTo((int)dataOffset, buffer, bufferOffset, count);
        return count;
    }

    public override T GetFieldValue<T>(int ordinal)
    {
        if (typeof(T) == typeof(object))
        {
            var boxed = GetValue(ordinal);
            return Unsafe.As<object, T>(ref boxed);
        }

        var column = Column(ordinal);
        if (column.IsNull(_row))
        {
            return default(T) is null && Nullable.GetUnderlyingType(typeof(T)) is not null
                ? default!
                : throw new InvalidCastException($"Column '{column.Name}' is NULL; read it as a nullable type or check IsDBNull first.");
        }

        // The JIT drops every branch but the one for T.
        if (typeof(T) == typeof(long)) { var v = column.GetInt64(_row); return Unsafe.As<long, T>(ref v); }
        if (typeof(T) == typeof(int)) { var v = column.GetInt32(_row); return Unsafe.As<int, T>(ref v); }
        if (typeof(T) == typeof(short)) { var v = column.GetInt16(_row); return Unsafe.As<short, T>(ref v); }
        if (typeof(T) == typeof(double)) { var v = column.GetDouble(_row); return Unsafe.As<double, T>(ref v); }
        if (typeof(T) == typeof(float)) { var v = column.GetFloat(_row); return Unsafe.As<float, T>(ref v); }
        if (typeof(T) == typeof(decimal)) { var v = column.GetDecimal(_row); return Unsafe.As<decimal, T>(ref v); }
        if (typeof(T) == typeof(bool)) { var v = column.GetBoolean(_row); return Unsafe.As<bool, T>(ref v); }
        if (typeof(T) == typeof(DateOnly)) { var v = column.GetDateOnly(_row); return Unsafe.As<DateOnly, T>(ref v); }
        if (typeof(T) == typeof(DateTime)) { var v = column.GetDateTime(_row); return Unsafe.As<DateTime, T>(ref v); }
        if (typeof(T) == typeof(Guid)) { var v = column.GetGuid(_row); return Unsafe.As<Guid, T>(ref v); }
        if (typeof(T) == typeof(string)) { var v = column.GetString(_row); return Unsafe.As<string, T>(ref v); }

        var value = column.GetValue(_row);
        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (target.IsInstanceOfType(value))
        {
            return (T)value;
        }

        return (T)Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
    }

    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    public override void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        _chunk?.Dispose();
        _chunk = null;
        _result.Dispose();
        if (ReferenceEquals(_connection.ActiveReader, this))
        {
            _connection.ActiveReader = null;
        }

        if (_behavior.HasFlag(CommandBehavior.CloseConnection))
        {
            _connection.Close();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }

    private ColumnReader Column(int ordinal)
    {
        if (_row < 0 || _chunk is null)
        {
            throw new InvalidOperationException(_closed
                ? "The data reader is closed."
                : "No current row: call Read() first, and only while it returns true.");
        }

        return _columns[ordinal];
    }

    private ColumnReader NotNull(int ordinal)
    {
        var column = Column(ordinal);
        return column.IsNull(_row)
            ? throw new InvalidCastException($"Column '{column.Name}' is NULL; check IsDBNull first or read it with GetValue.")
            : column;
    }

    private bool FetchChunk()
    {
        _chunk?.Dispose();
        _chunk = null;
        _row = 0;
        while (!_exhausted)
        {
            var pointer = NativeMethods.duckdb_fetch_chunk(*_result.Pointer);
            if (pointer == IntPtr.Zero)
            {
                _exhausted = true;
                // A streaming query can fail part-way: the error is on the result, not a null chunk.
                var error = NativeMethods.duckdb_result_error(_result.Pointer).Read();
                if (error is not null)
                {
                    throw new DuckDbException(error, NativeMethods.duckdb_result_error_type(_result.Pointer));
                }

                break;
            }

            var chunk = new DataChunkHandle();
            Marshal.InitHandle(chunk, pointer);
            var size = (int)NativeMethods.duckdb_data_chunk_get_size(pointer);
            if (size == 0)
            {
                chunk.Dispose();
                continue;
            }

            _chunk = chunk;
            _chunkSize = size;
            for (var i = 0; i < _columns.Length; i++)
            {
                _columns[i].Bind(NativeMethods.duckdb_data_chunk_get_vector(pointer, (ulong)i));
            }

            return true;
        }

        return false;
    }
}
