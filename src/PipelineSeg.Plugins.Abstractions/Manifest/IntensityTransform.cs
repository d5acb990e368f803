namespace PipelineSeg.Plugins.Abstractions;

/// <summary>
/// Intensity preprocessing a model was trained with. <see cref="IntensityKind.Window"/> clips to
/// [Center - Width/2, Center + Width/2] and maps linearly onto [OutputMin, OutputMax];
/// <see cref="IntensityKind.ZScore"/> computes (v - Mean) / Std.
/// </summary>
public sealed class IntensityTransform
{
    /// <summary>Which transform.</summary>
    public IntensityKind Kind { get; init; } = IntensityKind.None;

    /// <summary>Window centre (level), HU.</summary>
    public double Center { get; init; }

    /// <summary>Window width, HU (&gt; 0).</summary>
    public double Width { get; init; } = 1;

    /// <summary>Value the lower window edge maps to.</summary>
    public double OutputMin { get; init; }

    /// <summary>Value the upper window edge maps to.</summary>
    public double OutputMax { get; init; } = 1;

    /// <summary>Mean for <see cref="IntensityKind.ZScore"/>.</summary>
    public double Mean { get; init; }

    /// <summary>Standard deviation for <see cref="IntensityKind.ZScore"/> (&gt; 0).</summary>
    public double Std { get; init; } = 1;

    /// <summary>Applies the transform in place.</summary>
    public void Apply(Span<float> values)
    {
        switch (Kind)
        {
            case IntensityKind.None:
                return;
            case IntensityKind.Window:
                var lo = (float)(Center - (Width / 2));
                var hi = (float)(Center + (Width / 2));
                var scale = (float)((OutputMax - OutputMin) / Width);
                var offset = (float)OutputMin;
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = ((Math.Clamp(values[i], lo, hi) - lo) * scale) + offset;
                }
                return;
            case IntensityKind.ZScore:
                var mean = (float)Mean;
                var inv = (float)(1 / Std);
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = (values[i] - mean) * inv;
                }
                return;
            default:
                throw new InvalidOperationException($"unknown intensity transform {Kind}");
        }
    }
}
