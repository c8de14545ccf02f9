using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChildInfo.Gateway.Tests.Diagnostics;

/// <summary>One log line as a sink would store it: its message, its structured values and its exception, all as text.</summary>
public sealed record CapturedLine(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<string> Values, string? Exception)
{
    /// <summary>Everything the line would put on disk or send to a log service.</summary>
    public string AllText => string.Join("\n", [Category, EventId.Name ?? "", Message, .. Values, Exception ?? ""]);
}

/// <summary>A logger provider that keeps every line of every level, structured values included.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLine> _lines = new();

    public IReadOnlyCollection<CapturedLine> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            // Scopes are written by most sinks beside each line: capture them as lines of their own.
            lines.Enqueue(new CapturedLine(category, LogLevel.Trace, default, "scope: " + state, Values(state), null));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new CapturedLine(category, logLevel, eventId, formatter(state, exception), Values(state), exception?.ToString()));

        private static List<string> Values<TState>(TState state) =>
            state is IEnumerable<KeyValuePair<string, object?>> pairs ? [.. pairs.Select(p => $"{p.Key}={p.Value}")] : [];
    }
}
