using System.Buffers.Binary;
using C2C.Analytics.DuckDb.Native;

namespace C2C.Analytics.DuckDb.Writers;

internal sealed class VarcharWriter(int index, string typeName, bool isBlob) : ColumnWriter(index, typeName)
{
    public override void Write(int row, string value)
    {
        if (isBlob)
        {
            throw Refuse(value);
        }

        WriteUtf8(row, value);
    }

    public override void Write(int row, ReadOnlySpan<byte> value)
    {
        if (!isBlob)
        {
            throw Refuse(typeof(byte[]));
        }

        WriteBytes(row, value);
    }
}

internal sealed unsafe class DateWriter(int index, string typeName) : ColumnWriter(index, typeName)
{
    public override void Write(int row, DateOnly value) => ((int*)Data)[row] = TemporalConverter.ToDays(value);

    public override void Write(int row, DateTime value)
    {
        if (value.TimeOfDay != TimeSpan.Zero)
        {
            throw OutOfRange(value);
        }

        Write(row, DateOnly.FromDateTime(value));
    }
}

internal sealed unsafe class TimestampWriter(int index, string typeName, DuckDbType type) : ColumnWriter(index, typeName)
{
    public override void Write(int row, DateTime value)
    {
        var micros = TemporalConverter.ToMicros(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value);
        ((long*)Data)[row] = type switch
        {
            DuckDbType.TimestampS => micros / 1_000_000,
            DuckDbType.TimestampMs => micros / 1_000,
            DuckDbType.TimestampNs => checked(micros * 1_000),
            _ => micros,
        };
    }

    public override void Write(int row, DateOnly value) => Write(row, value.ToDateTime(TimeOnly.MinValue));
}

internal sealed unsafe class TimeWriter(int index, string typeName) : ColumnWriter(index, typeName)
{
    public override void Write(int row, TimeOnly value) => ((long*)Data)[row] = value.Ticks / TimeSpan.TicksPerMicrosecond;
}

internal sealed unsafe class IntervalWriter(int index, string typeName) : ColumnWriter(index, typeName)
{
    public override void Write(int row, DuckDbInterval value) => ((DuckDbIntervalStruct*)Data)[row] = value.ToNative();
}

internal sealed unsafe class UuidWriter(int index, string typeName) : ColumnWriter(index, typeName)
{
    public override void Write(int row, Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        ((DuckDbHugeIntStruct*)Data)[row] = new DuckDbHugeIntStruct
        {
            Upper = (long)(BinaryPrimitives.ReadUInt64BigEndian(bytes) ^ (1UL << 63)),
            Lower = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
        };
    }

    public override void Write(int row, string value) => Write(row, Guid.Parse(value));
}

internal static class ColumnWriterFactory
{
    public static ColumnWriter Create(int index, LogicalTypeHandle logicalType)
    {
        var type = NativeMethods.duckdb_get_type_id(logicalType);
        var typeName = Readers.ColumnReaderFactory.TypeName(type, logicalType);
        return type switch
        {
            DuckDbType.Boolean => new BooleanWriter(index, typeName),
            DuckDbType.TinyInt => new NumericWriter<sbyte>(index, typeName),
            DuckDbType.SmallInt => new NumericWriter<short>(index, typeName),
            DuckDbType.Integer => new NumericWriter<int>(index, typeName),
            DuckDbType.BigInt => new NumericWriter<long>(index, typeName),
            DuckDbType.UTinyInt => new NumericWriter<byte>(index, typeName),
            DuckDbType.USmallInt => new NumericWriter<ushort>(index, typeName),
            DuckDbType.UInteger => new NumericWriter<uint>(index, typeName),
            DuckDbType.UBigInt => new NumericWriter<ulong>(index, typeName),
            DuckDbType.HugeInt => new NumericWriter<Int128>(index, typeName),
            DuckDbType.UHugeInt => new NumericWriter<UInt128>(index, typeName),
            DuckDbType.Float => new NumericWriter<float>(index, typeName),
            DuckDbType.Double => new NumericWriter<double>(index, typeName),
            DuckDbType.Decimal => new DecimalWriter(index, typeName,
                NativeMethods.duckdb_decimal_width(logicalType), NativeMethods.duckdb_decimal_scale(logicalType)),
            DuckDbType.Varchar => new VarcharWriter(index, typeName, isBlob: false),
            DuckDbType.Blob => new VarcharWriter(index, typeName, isBlob: true),
            DuckDbType.Date => new DateWriter(index, typeName),
            DuckDbType.Timestamp or DuckDbType.TimestampTz or DuckDbType.TimestampS or DuckDbType.TimestampMs or DuckDbType.TimestampNs
                => new TimestampWriter(index, typeName, type),
            DuckDbType.Time => new TimeWriter(index, typeName),
            DuckDbType.Interval => new IntervalWriter(index, typeName),
            DuckDbType.Uuid => new UuidWriter(index, typeName),
            _ => throw new NotSupportedException(
                $"Appender column {index} has DuckDB type {typeName}, which the appender does not write; load it with INSERT … SELECT instead."),
        };
    }
}
