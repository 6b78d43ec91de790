using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace C2C.Analytics.DuckDb.Native;

// One SafeHandle per destroyable C object: release runs exactly once, even when Dispose races a finalizer.

internal sealed class DatabaseHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public DatabaseHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.duckdb_close(ref h);
        return true;
    }
}

internal sealed class ConnectionHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ConnectionHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.duckdb_disconnect(ref h);
        return true;
    }
}

internal sealed class ConfigHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ConfigHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.duckdb_destroy_config(ref h);
        return true;
    }
}

internal sealed class InstanceCacheHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public InstanceCacheHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.duckdb_destroy_instance_cache(ref h);
        return true;
    }
}

internal sealed class ExtractedStatementsHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ExtractedStatementsHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.duckdb_destroy_extracted(ref h);
        return true;
    }
}

internal sealed class PreparedStatementHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public PreparedStatementHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.duckdb_destroy_prepare(ref h);
        return true;
    }
}

internal sealed class PendingResultHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public PendingResultHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.duckdb_destroy_pending(ref h);
        return true;
    }
}

internal sealed class ValueHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ValueHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.duckdb_destroy_value(ref h);
        return true;
    }
}

internal sealed class LogicalTypeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public LogicalTypeHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.duckdb_destroy_logical_type(ref h);
        return true;
    }
}

internal sealed class DataChunkHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public DataChunkHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.duckdb_destroy_data_chunk(ref h);
        return true;
    }
}

internal sealed class AppenderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public AppenderHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.duckdb_appender_destroy(ref h);
        return true;
    }
}

internal sealed class ErrorDataHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ErrorDataHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.duckdb_destroy_error_data(ref h);
        return true;
    }
}

/// <summary>
/// A <c>duckdb_result</c>. The struct lives in unmanaged memory owned by this handle so that its address is stable:
/// most result functions take it by pointer, <c>duckdb_fetch_chunk</c> and <c>duckdb_result_return_type</c> by value.
/// </summary>
internal sealed unsafe class ResultHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ResultHandle() : base(ownsHandle: true)
    {
        var memory = (DuckDbResultStruct*)NativeMemory.AllocZeroed((nuint)sizeof(DuckDbResultStruct));
        SetHandle((IntPtr)memory);
    }

    public DuckDbResultStruct* Pointer => (DuckDbResultStruct*)handle;

    protected override bool ReleaseHandle()
    {
        var result = (DuckDbResultStruct*)handle;
        // duckdb_destroy_result is safe on a zeroed struct (a failed call may leave it so).
        NativeMethods.duckdb_destroy_result(result);
        NativeMemory.Free(result);
        return true;
    }
}
