using System.Threading.Channels;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Intake;

/// <summary>The bounded channel between the folder intake (producer) and the job runner (consumer).</summary>
internal sealed class IntakeQueue(IOptions<IntakeOptions> options)
{
    private readonly Channel<IntakeArrival> _channel = Channel.CreateBounded<IntakeArrival>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    /// <summary>Arrivals waiting.</summary>
    public int Count => _channel.Reader.Count;

    /// <summary>Capacity before producers wait.</summary>
    public int Capacity => options.Value.QueueCapacity;

    /// <summary>Queues an arrival, waiting while the queue is full (back-pressure instead of unbounded memory).</summary>
    public ValueTask EnqueueAsync(IntakeArrival job, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(job, cancellationToken);

    /// <summary>Arrivals in order.</summary>
    public IAsyncEnumerable<IntakeArrival> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
