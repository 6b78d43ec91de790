namespace C2C.Analytics.DuckDb;

/// <summary>One row being appended: values in column order, then <see cref="EndRow"/>.</summary>
public readonly struct DuckDbAppenderRow
{
    private readonly DuckDbAppender _appender;

    internal DuckDbAppenderRow(DuckDbAppender appender) => _appender = appender;

    public DuckDbAppenderRow AppendNullValue()
    {
        _appender.NextWriter().WriteNull(_appender.CurrentRow);
        return Next();
    }

    public DuckDbAppenderRow AppendValue(bool value) { _appender.NextWriter().Write(_appender.CurrentRow, value); return Next(); }

    public DuckDbAppenderRow AppendValue(sbyte value) => AppendValue((long)value);

    public DuckDbAppenderRow AppendValue(short value) => AppendValue((long)value);

    public DuckDbAppenderRow AppendValue(int value) => AppendValue((long)value);

    public DuckDbAppenderRow AppendValue(long value) { _appender.NextWriter().Write(_appender.CurrentRow, value); return Next(); }

    public DuckDbAppenderRow AppendValue(byte value) => AppendValue((ulong)value);

    public DuckDbAppenderRow AppendValue(ushort value) => AppendValue((ulong)value);

    public DuckDbAppenderRow AppendValue(uint value) => AppendValue((ulong)value);

    public DuckDbAppenderRow AppendValue(ulong value) { _appender.NextWriter().Write(_appender.CurrentRow, value); return Next(); }

    public DuckDbAppenderRow AppendValue(Int128 value) { _appender.NextWriter().Write(_appender.CurrentRow, value); return Next(); }

    public DuckDbAppenderRow AppendValue(UInt128 value) { _appender.NextWriter().Write(_appender.CurrentRow, value); return Next(); }

    public DuckDbAppenderRow AppendValue(float value) => AppendValue((double)value);

    public DuckDbAppenderRow AppendValue(double value) { _appender.NextWriter().Write(_appender.CurrentRow, value); return Next(); }

    public DuckDbAppenderRow AppendValue(decimal value) { _appender.NextWriter().Write(_appender.CurrentRow, value); return Next(); }

    public DuckDbAppenderRow AppendValue(string? value)
    {
        if (value is null)
        {
            return AppendNullValue();
        }

        _appender.NextWriter().Write(_appender.CurrentRow, value);
        return Next();
    }

    public DuckDbAppenderRow AppendValue(byte[]? value)
    {
        if (value is null)
        {
            return AppendNullValue();
        }

        _appender.NextWriter().Write(_appender.CurrentRow, (ReadOnlySpan<byte>)value);
        return Next();
    }

    public DuckDbAppenderRow AppendValue(DateOnly value) { _appender.NextWriter().Write(_appender.CurrentRow, value); return Next(); }

    public DuckDbAppenderRow AppendValue(DateTime value) { _appender.NextWriter().Write(_appender.CurrentRow, value); return Next(); }

    public DuckDbAppenderRow AppendValue(DateTimeOffset value) => AppendValue(value.UtcDateTime);

    public DuckDbAppenderRow AppendValue(TimeOnly value) { _appender.NextWriter().Write(_appender.CurrentRow, value); return Next(); }

    public DuckDbAppenderRow AppendValue(Guid value) { _appender.NextWriter().Write(_appender.CurrentRow, value); return Next(); }

    public DuckDbAppenderRow AppendValue(DuckDbInterval value) { _appender.NextWriter().Write(_appender.CurrentRow, value); return Next(); }

    public DuckDbAppenderRow AppendValue(bool? value) => value is { } v ? AppendValue(v) : AppendNullValue();

    public DuckDbAppenderRow AppendValue(int? value) => value is { } v ? AppendValue(v) : AppendNullValue();

    public DuckDbAppenderRow AppendValue(long? value) => value is { } v ? AppendValue(v) : AppendNullValue();

    public DuckDbAppenderRow AppendValue(double? value) => value is { } v ? AppendValue(v) : AppendNullValue();

    public DuckDbAppenderRow AppendValue(decimal? value) => value is { } v ? AppendValue(v) : AppendNullValue();

    public DuckDbAppenderRow AppendValue(DateOnly? value) => value is { } v ? AppendValue(v) : AppendNullValue();

    public DuckDbAppenderRow AppendValue(DateTime? value) => value is { } v ? AppendValue(v) : AppendNullValue();

    /// <summary>A boxed value of any type the typed overloads take; null or DBNull appends NULL.</summary>
    public DuckDbAppenderRow AppendObject(object? value) => value switch
    {
        null or DBNull => AppendNullValue(),
        bool v => AppendValue(v),
        sbyte v => AppendValue(v),
        short v => AppendValue(v),
        int v => AppendValue(v),
        long v => AppendValue(v),
        byte v => AppendValue(v),
        ushort v => AppendValue(v),
        uint v => AppendValue(v),
        ulong v => AppendValue(v),
        Int128 v => AppendValue(v),
        UInt128 v => AppendValue(v),
        float v => AppendValue(v),
        double v => AppendValue(v),
        decimal v => AppendValue(v),
        string v => AppendValue(v),
        byte[] v => AppendValue(v),
        DateOnly v => AppendValue(v),
        DateTime v => AppendValue(v),
        DateTimeOffset v => AppendValue(v),
        TimeOnly v => AppendValue(v),
        Guid v => AppendValue(v),
        DuckDbInterval v => AppendValue(v),
        _ => throw new InvalidCastException($"The appender cannot write a value of type {value.GetType().FullName}."),
    };

    public void EndRow() => _appender.EndRow();

    private DuckDbAppenderRow Next()
    {
        _appender.Advance();
        return this;
    }
}
