using PipelineSeg.Pipeline.Batch;

namespace PipelineSeg.Host.Cli.Progress;

/// <summary>
/// Progress for logs (CI, a service, a pipe): one plain line on standard error when the plan is known, then at most one
/// per <see cref="Interval"/>, and the last one when the work ends. Never writes to standard output.
/// </summary>
internal sealed class LogLineProgress(TextWriter error, TimeSpan interval, TimeProvider clock) : IProgressDisplay
{
    /// <summary>Least time between two lines.</summary>
    public TimeSpan Interval { get; } = interval;

    private TimeProvider Clock { get; } = clock;

    private TextWriter Error { get; } = error;

    /// <inheritdoc />
    public async Task<T> RunAsync<T>(string title, Func<IProgress<WorkProgress>, Task<T>> work)
    {
        var sink = new Sink(this, title, Clock.GetTimestamp());
        var result = await work(sink).ConfigureAwait(false);
        sink.Finish();
        return result;
    }

    private sealed class Sink(LogLineProgress owner, string title, long started) : IProgress<WorkProgress>
    {
        private readonly Lock _gate = new();
        private WorkProgress? _last;
        private WorkProgress? _written;
        private TimeSpan? _lastWritten;

        public void Report(WorkProgress value)
        {
            lock (_gate)
            {
                _last = value;
                var now = owner.Clock.GetElapsedTime(started);
                if (_lastWritten is null || now - _lastWritten >= owner.Interval)
                {
                    Write(value, now);
                }
            }
        }

        public void Finish()
        {
            lock (_gate)
            {
                if (_last is { } last && !ReferenceEquals(last, _written))
                {
                    Write(last, owner.Clock.GetElapsedTime(started));
                }
            }
        }

        private void Write(WorkProgress value, TimeSpan now)
        {
            (_lastWritten, _written) = (now, value);
            owner.Error.WriteLine(ProgressText.Line(title, value, now));
        }
    }
}
