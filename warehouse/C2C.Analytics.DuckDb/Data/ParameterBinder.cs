using System.Data;
using System.Globalization;
using System.Numerics;
using System.Text;
using C2C.Analytics.DuckDb.Native;

namespace C2C.Analytics.DuckDb;

/// <summary>Binds a command's parameters to one prepared statement, by name or by position.</summary>
internal static unsafe class ParameterBinder
{
    public static void Bind(PreparedStatementHandle prepared, DuckDbParameterCollection parameters)
    {
        var count = (int)NativeMethods.duckdb_nparams(prepared);
        for (var index = 1; index <= count; index++)
        {
            var name = NativeMethods.duckdb_parameter_name(prepared, (ulong)index).ReadAndFree() ?? index.ToString(CultureInfo.InvariantCulture);
            var parameter = Find(parameters, name);
            if (parameter is null)
            {
                // Leave it unbound: DuckDB's own message names the missing parameter at execution.
                continue;
            }

            BindOne(prepared, (ulong)index, parameter, name);
        }

        if (count == 0 || parameters.Count <= count)
        {
            return;
        }

        // More values than placeholders is a caller error DuckDB cannot see: a value would be silently ignored.
        var positional = parameters.Cast<DuckDbParameter>().All(p => p.NormalizedName.Length == 0 || IsNumber(p.NormalizedName));
        if (positional)
        {
            throw new DuckDbException(
                $"Invalid Input Error: the statement has {count} parameter(s) but {parameters.Count} value(s) were supplied.",
                DuckDbErrorType.InvalidInput);
        }
    }

    private static DuckDbParameter? Find(DuckDbParameterCollection parameters, string name)
    {
        var byName = parameters.IndexOf(name);
        if (byName >= 0)
        {
            return parameters[byName];
        }

        if (IsNumber(name))
        {
            var position = int.Parse(name, CultureInfo.InvariantCulture) - 1;
            if (position >= 0 && position < parameters.Count && !IsNamed(parameters[position]))
            {
                return parameters[position];
            }
        }

        return null;
    }

    private static bool IsNamed(DuckDbParameter parameter) =>
        parameter.NormalizedName.Length > 0 && !IsNumber(parameter.NormalizedName);

    private static bool IsNumber(string name) => name.Length > 0 && name.All(char.IsAsciiDigit);

    private static void BindOne(PreparedStatementHandle prepared, ulong index, DuckDbParameter parameter, string name)
    {
        var value = parameter.Value;
        var state = value switch
        {
            null or DBNull => NativeMethods.duckdb_bind_null(prepared, index),
            bool v => NativeMethods.duckdb_bind_boolean(prepared, index, v),
            sbyte v => NativeMethods.duckdb_bind_int8(prepared, index, v),
            short v => NativeMethods.duckdb_bind_int16(prepared, index, v),
            int v => NativeMethods.duckdb_bind_int32(prepared, index, v),
            long v => NativeMethods.duckdb_bind_int64(prepared, index, v),
            byte v => NativeMethods.duckdb_bind_uint8(prepared, index, v),
            ushort v => NativeMethods.duckdb_bind_uint16(prepared, index, v),
            uint v => NativeMethods.duckdb_bind_uint32(prepared, index, v),
            ulong v => NativeMethods.duckdb_bind_uint64(prepared, index, v),
            Int128 v => NativeMethods.duckdb_bind_hugeint(prepared, index, new DuckDbHugeIntStruct(v)),
            UInt128 v => NativeMethods.duckdb_bind_uhugeint(prepared, index, new DuckDbUHugeIntStruct(v)),
            BigInteger v => NativeMethods.duckdb_bind_hugeint(prepared, index, new DuckDbHugeIntStruct((Int128)v)),
            float v => NativeMethods.duckdb_bind_float(prepared, index, v),
            double v => NativeMethods.duckdb_bind_double(prepared, index, v),
            decimal v => NativeMethods.duckdb_bind_decimal(prepared, index, DecimalConverter.ToNative(v)),
            string v => BindString(prepared, index, v),
            char v => BindString(prepared, index, v.ToString()),
            byte[] v => BindBlob(prepared, index, v),
            ReadOnlyMemory<byte> v => BindBlob(prepared, index, v.Span),
            Memory<byte> v => BindBlob(prepared, index, v.Span),
            DateOnly v => NativeMethods.duckdb_bind_date(prepared, index, TemporalConverter.ToDays(v)),
            DateTime v when parameter.DbType == DbType.Date => NativeMethods.duckdb_bind_date(prepared, index, TemporalConverter.ToDays(DateOnly.FromDateTime(v))),
            DateTime v => BindDateTime(prepared, index, v),
            DateTimeOffset v => NativeMethods.duckdb_bind_timestamp_tz(prepared, index, TemporalConverter.ToMicros(v.UtcDateTime)),
            TimeOnly v => NativeMethods.duckdb_bind_time(prepared, index, v.Ticks / TimeSpan.TicksPerMicrosecond),
            TimeSpan v => NativeMethods.duckdb_bind_interval(prepared, index, new DuckDbIntervalStruct { Micros = v.Ticks / TimeSpan.TicksPerMicrosecond }),
            DuckDbInterval v => NativeMethods.duckdb_bind_interval(prepared, index, v.ToNative()),
            Guid v => BindUuid(prepared, index, v),
            Enum v => NativeMethods.duckdb_bind_int64(prepared, index, Convert.ToInt64(v, CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException(
                $"Parameter ${name} has a value of type {value.GetType().FullName}, which the DuckDB provider cannot bind."),
        };

        if (state != DuckDbState.Success)
        {
            var error = NativeMethods.duckdb_prepare_error(prepared).Read();
            throw new DuckDbException(error ?? $"Invalid Input Error: cannot bind parameter ${name} to value of type {value!.GetType().Name}.");
        }
    }

    private static DuckDbState BindDateTime(PreparedStatementHandle prepared, ulong index, DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        var micros = TemporalConverter.ToMicros(utc);
        // A TIMESTAMPTZ placeholder gets the instant itself; binding a naive timestamp there would be shifted by the
        // session's time zone when DuckDB casts it.
        return NativeMethods.duckdb_param_type(prepared, index) == DuckDbType.TimestampTz
            ? NativeMethods.duckdb_bind_timestamp_tz(prepared, index, micros)
            : NativeMethods.duckdb_bind_timestamp(prepared, index, micros);
    }

    private static DuckDbState BindUuid(PreparedStatementHandle prepared, ulong index, Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        var bits = new DuckDbUHugeIntStruct(System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes));
        using var uuid = NativeMethods.duckdb_create_uuid(bits);
        return NativeMethods.duckdb_bind_value(prepared, index, uuid);
    }

    private static DuckDbState BindString(PreparedStatementHandle prepared, ulong index, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        Span<byte> buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(value, buffer);
        fixed (byte* pointer = buffer)
        {
            return NativeMethods.duckdb_bind_varchar_length(prepared, index, pointer, (ulong)length);
        }
    }

    private static DuckDbState BindBlob(PreparedStatementHandle prepared, ulong index, ReadOnlySpan<byte> value)
    {
        fixed (byte* pointer = value)
        {
            // A zero-length span has a null pointer; DuckDB needs an address even for an empty blob.
            byte empty = 0;
            return NativeMethods.duckdb_bind_blob(prepared, index, pointer == null ? &empty : pointer, (ulong)value.Length);
        }
    }
}
