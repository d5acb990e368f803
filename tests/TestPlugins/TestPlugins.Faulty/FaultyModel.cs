using PipelineSeg.Plugins.Abstractions;

namespace TestPlugins.Faulty;

/// <summary>throws: the forward throws; hangs: it never returns and ignores cancellation; cooperative: it runs until cancelled.</summary>
internal sealed class FaultyModel(ModelManifest manifest, string behaviour) : ISegmentationModel
{
    public ModelManifest Manifest { get; } = manifest;

    public void Predict(ReadOnlySpan<float> input, int sliceCount, Span<float> output, CancellationToken cancellationToken = default)
    {
        switch (behaviour)
        {
            case "throws":
                throw new InvalidOperationException("weights exploded");
            case "hangs":
                Thread.Sleep(Timeout.Infinite);
                break;
            default:
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Thread.Sleep(10);
                }
        }
    }

    public void Dispose()
    {
    }
}
