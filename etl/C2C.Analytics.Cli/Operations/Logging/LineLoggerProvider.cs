using Microsoft.Extensions.Logging;

namespace C2C.Analytics.Cli.Operations.Logging;

/// <summary>
/// Writes every record as one line (text or JSON, <see cref="LogLineFormatter"/>) to a sink, synchronously: a line is
/// out before the next step starts, so a killed process has logged everything up to its last step. Scopes carrying
/// named values (the run id) add those values to JSON lines.
/// </summary>
internal sealed class LineLoggerProvider(Action<string> writeLine, LogFormat format, TimeProvider? clock = null, LogLevel minimum = LogLevel.Information)
    : ILoggerProvider, ISupportExternalScope
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly LogLevel _minimum = minimum;
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    /// <summary>Where lines go; swapped while a terminal progress display owns the screen.</summary>
    public Action<string> WriteLine { get; set; } = writeLine;

    public ILogger CreateLogger(string categoryName) => new LineLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private void Write<TState>(string category, LogLevel level, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception);
        var now = _clock.GetUtcNow();
        string line;
        if (format == LogFormat.Json)
        {
            var fields = new List<KeyValuePair<string, object?>>();
            _scopes.ForEachScope((scope, list) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    list.AddRange(values);
                }
            }, fields);
            if (state is IEnumerable<KeyValuePair<string, object?>> named)
            {
                fields.AddRange(named);
            }

            line = LogLineFormatter.Json(now, level, category, message, fields, exception);
        }
        else
        {
            line = LogLineFormatter.Text(now, level, message, exception);
        }

        lock (_gate)
        {
            WriteLine(line);
        }
    }

    private sealed class LineLogger(LineLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider._minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(category, logLevel, state, exception, formatter);
            }
        }
    }
}
