using System.Threading.Channels;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Hosting;

/// <summary>The bounded channel between the folder intake (producer) and the job runner (consumer).</summary>
internal sealed class IntakeQueue(IOptions<IntakeOptions> options)
{
    private readonly Channel<IntakeJob> _channel = Channel.CreateBounded<IntakeJob>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    /// <summary>Jobs waiting.</summary>
    public int Count => _channel.Reader.Count;

    /// <summary>Capacity before producers wait.</summary>
    public int Capacity => options.Value.QueueCapacity;

    /// <summary>Queues a job, waiting while the queue is full (back-pressure instead of unbounded memory).</summary>
    public ValueTask EnqueueAsync(IntakeJob job, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(job, cancellationToken);

    /// <summary>Jobs as they arrive.</summary>
    public IAsyncEnumerable<IntakeJob> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
