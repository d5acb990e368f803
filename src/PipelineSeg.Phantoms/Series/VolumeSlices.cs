using PipelineSeg.Imaging;

namespace PipelineSeg.Phantoms.Series;

/// <summary>Slices of a CT volume in HU (e.g. a phantom's), as pixels for the series writer.</summary>
public sealed class VolumeSlices(Volume<short> volume) : ISlicePixelSource
{
    private readonly Volume<short> _volume = volume ?? throw new ArgumentNullException(nameof(volume));

    /// <inheritdoc />
    public void ReadSlice(int slice, Span<short> hu)
    {
        var source = _volume.Slice(slice);
        if (source.Length != hu.Length)
        {
            throw new ArgumentException($"slice of {hu.Length} pixels requested from a volume of {_volume.Size}", nameof(hu));
        }
        source.CopyTo(hu);
    }
}
