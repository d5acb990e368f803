using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PipelineSeg.Dicom.Tests.Network.Support;

/// <summary>Collects formatted log lines so a test can check that each rejection or abort said why.</summary>
internal sealed class ListLogger : ILogger
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public string Text => string.Join('\n', Lines);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue($"{logLevel}: {formatter(state, exception)}");

    /// <summary>Waits (up to 10 s) for a line containing <paramref name="text"/>.</summary>
    public async Task<string> WaitForAsync(string text)
    {
        for (var i = 0; i < 200; i++)
        {
            if (Lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"no log line with '{text}' in:\n{Text}");
    }
}
