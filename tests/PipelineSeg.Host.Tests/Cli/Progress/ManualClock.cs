namespace PipelineSeg.Host.Tests.Cli.Progress;

/// <summary>A clock the test moves by hand (timestamps in ticks of 100 ns).</summary>
internal sealed class ManualClock : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public void Advance(TimeSpan by) => _ticks += by.Ticks;
}
