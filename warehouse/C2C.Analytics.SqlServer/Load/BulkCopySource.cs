using System.Collections;
using System.Data;
using System.Data.Common;
using C2C.Analytics.SqlServer.Schema;

namespace C2C.Analytics.SqlServer.Load;

/// <summary>
/// The rows of one warehouse query as <c>SqlBulkCopy</c> reads them: forward only, one row at a time (nothing is
/// buffered beyond the DuckDB chunk under the reader), each value converted to a type SqlClient 2.1 can send
/// (<see cref="ValueConversion"/>). SqlBulkCopy maps columns by ordinal here and reads <see cref="FieldCount"/>,
/// <see cref="Read"/> and <see cref="GetValue"/>; the rest of the surface answers as a plain reader would.
/// </summary>
public sealed class BulkCopySource : DbDataReader
{
    private readonly IDataReader _inner;
    private readonly ValueConversion[] _conversions;
    private bool _closed;

    /// <param name="inner">The DuckDB reader; this reader owns it and closes it.</param>
    /// <param name="conversions">One conversion per column, in the reader's column order.</param>
    public BulkCopySource(IDataReader inner, IReadOnlyList<ValueConversion> conversions)
    {
        _inner = inner;
        if (conversions.Count != inner.FieldCount)
        {
            throw new ArgumentException($"The query returns {inner.FieldCount} columns but {conversions.Count} conversions were given.", nameof(conversions));
        }

        _conversions = [.. conversions];
    }

    /// <summary>Rows read so far.</summary>
    public long RowsRead { get; private set; }

    public override int FieldCount => _inner.FieldCount;

    public override bool HasRows => true;

    public override bool IsClosed => _closed;

    public override int RecordsAffected => -1;

    public override int Depth => 0;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override bool Read()
    {
        if (!_inner.Read())
        {
            return false;
        }

        RowsRead++;
        return true;
    }

    public override bool NextResult() => false;

    public override object GetValue(int ordinal)
    {
        var value = _inner.GetValue(ordinal);
        return value is DBNull ? value : _conversions[ordinal] switch
        {
            ValueConversion.DateOnlyToDateTime => ((DateOnly)value).ToDateTime(TimeOnly.MinValue),
            ValueConversion.TimeOnlyToTimeSpan => ((TimeOnly)value).ToTimeSpan(),
            ValueConversion.UtcDateTimeToOffset => new DateTimeOffset(DateTime.SpecifyKind((DateTime)value, DateTimeKind.Utc)),
            _ => value,
        };
    }

    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }

        return count;
    }

    public override bool IsDBNull(int ordinal) => _inner.IsDBNull(ordinal);

    public override string GetName(int ordinal) => _inner.GetName(ordinal);

    public override int GetOrdinal(string name) => _inner.GetOrdinal(name);

    public override Type GetFieldType(int ordinal) => _conversions[ordinal] switch
    {
        ValueConversion.DateOnlyToDateTime => typeof(DateTime),
        ValueConversion.TimeOnlyToTimeSpan => typeof(TimeSpan),
        ValueConversion.UtcDateTimeToOffset => typeof(DateTimeOffset),
        _ => _inner.GetFieldType(ordinal),
    };

    public override string GetDataTypeName(int ordinal) => GetFieldType(ordinal).Name;

    public override T GetFieldValue<T>(int ordinal) => (T)GetValue(ordinal);

    public override bool GetBoolean(int ordinal) => GetFieldValue<bool>(ordinal);

    public override byte GetByte(int ordinal) => GetFieldValue<byte>(ordinal);

    public override char GetChar(int ordinal) => GetFieldValue<char>(ordinal);

    public override short GetInt16(int ordinal) => GetFieldValue<short>(ordinal);

    public override int GetInt32(int ordinal) => GetFieldValue<int>(ordinal);

    public override long GetInt64(int ordinal) => GetFieldValue<long>(ordinal);

    public override float GetFloat(int ordinal) => GetFieldValue<float>(ordinal);

    public override double GetDouble(int ordinal) => GetFieldValue<double>(ordinal);

    public override decimal GetDecimal(int ordinal) => GetFieldValue<decimal>(ordinal);

    public override DateTime GetDateTime(int ordinal) => GetFieldValue<DateTime>(ordinal);

    public override Guid GetGuid(int ordinal) => GetFieldValue<Guid>(ordinal);

    public override string GetString(int ordinal) => GetFieldValue<string>(ordinal);

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) =>
        _inner.GetBytes(ordinal, dataOffset, buffer, bufferOffset, length);

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) =>
        _inner.GetChars(ordinal, dataOffset, buffer, bufferOffset, length);

    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    public override void Close()
    {
        if (!_closed)
        {
            _closed = true;
            _inner.Dispose();
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
}
