using System.Globalization;
using C2C.Analytics.DuckDb.Native;

namespace C2C.Analytics.DuckDb.Readers;

internal static class ColumnReaderFactory
{
    public static ColumnReader Create(string name, LogicalTypeHandle logicalType)
    {
        var type = NativeMethods.duckdb_get_type_id(logicalType);
        var typeName = TypeName(type, logicalType);
        return type switch
        {
            DuckDbType.Boolean => new BooleanReader(name, typeName),
            DuckDbType.TinyInt => new PrimitiveReader<sbyte>(name, type, typeName),
            DuckDbType.SmallInt => new PrimitiveReader<short>(name, type, typeName),
            DuckDbType.Integer => new PrimitiveReader<int>(name, type, typeName),
            DuckDbType.BigInt => new PrimitiveReader<long>(name, type, typeName),
            DuckDbType.UTinyInt => new PrimitiveReader<byte>(name, type, typeName),
            DuckDbType.USmallInt => new PrimitiveReader<ushort>(name, type, typeName),
            DuckDbType.UInteger => new PrimitiveReader<uint>(name, type, typeName),
            DuckDbType.UBigInt => new PrimitiveReader<ulong>(name, type, typeName),
            DuckDbType.HugeInt => new PrimitiveReader<Int128>(name, type, typeName),
            DuckDbType.UHugeInt => new PrimitiveReader<UInt128>(name, type, typeName),
            DuckDbType.Float => new PrimitiveReader<float>(name, type, typeName),
            DuckDbType.Double => new PrimitiveReader<double>(name, type, typeName),
            DuckDbType.Decimal => new DecimalReader(name, typeName,
                NativeMethods.duckdb_decimal_internal_type(logicalType), NativeMethods.duckdb_decimal_scale(logicalType)),
            DuckDbType.Varchar or DuckDbType.Blob => new VarcharReader(name, type, typeName),
            DuckDbType.Date => new DateReader(name, typeName),
            DuckDbType.Timestamp or DuckDbType.TimestampTz or DuckDbType.TimestampS or DuckDbType.TimestampMs or DuckDbType.TimestampNs
                => new TimestampReader(name, type, typeName),
            DuckDbType.Time => new TimeReader(name, typeName),
            DuckDbType.Interval => new IntervalReader(name, typeName),
            DuckDbType.Uuid => new UuidReader(name, typeName),
            DuckDbType.Enum => new EnumReader(name, typeName, NativeMethods.duckdb_enum_internal_type(logicalType), EnumDictionary(logicalType)),
            _ => new UnsupportedReader(name, type, typeName),
        };
    }

    public static string TypeName(DuckDbType type, LogicalTypeHandle logicalType) => type switch
    {
        DuckDbType.Decimal => string.Create(CultureInfo.InvariantCulture,
            $"DECIMAL({NativeMethods.duckdb_decimal_width(logicalType)},{NativeMethods.duckdb_decimal_scale(logicalType)})"),
        DuckDbType.TimestampTz => "TIMESTAMP WITH TIME ZONE",
        DuckDbType.TimestampS => "TIMESTAMP_S",
        DuckDbType.TimestampMs => "TIMESTAMP_MS",
        DuckDbType.TimestampNs => "TIMESTAMP_NS",
        DuckDbType.TimeTz => "TIME WITH TIME ZONE",
        _ => type.ToString().ToUpperInvariant(),
    };

    private static string[] EnumDictionary(LogicalTypeHandle logicalType)
    {
        var size = NativeMethods.duckdb_enum_dictionary_size(logicalType);
        var values = new string[size];
        for (var i = 0u; i < size; i++)
        {
            values[i] = NativeMethods.duckdb_enum_dictionary_value(logicalType, i).ReadAndFree() ?? string.Empty;
        }

        return values;
    }
}
