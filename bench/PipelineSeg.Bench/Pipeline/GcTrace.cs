using System.Diagnostics.Tracing;
using System.Globalization;

namespace PipelineSeg.Bench.Pipeline;

/// <summary>`volume --gc-trace`: every garbage collection of the run (generation, reason, kind, pause), from the runtime's own events.</summary>
internal sealed class GcTrace : EventListener
{
    private DateTime _suspendStart;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Informational, (EventKeywords)0x1); // GC keyword
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        var now = e.TimeStamp;
        switch (e.EventName)
        {
            case "GCStart_V2":
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    gc #{e.Payload![0]} gen {e.Payload[1]} reason {e.Payload[2]} type {e.Payload[3]} at {now:HH:mm:ss.fff}"));
                break;
            case "GCSuspendEEBegin_V1":
                _suspendStart = now;
                break;
            case "GCRestartEEEnd_V1":
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    gc paused {(now - _suspendStart).TotalMilliseconds:0.0} ms"));
                break;
        }
    }
}
