using PipelineSeg.Tensors;
using PipelineSeg.Tensors.Operations;

namespace PipelineSeg.Nn;

/// <summary>torch.nn.Upsample / F.interpolate for NCHW tensors: by output size or scale factor; nearest or bilinear.</summary>
public sealed class Upsample : Module
{
    /// <summary>Resizes by <paramref name="scaleFactor"/> (output = floor(input · scale), as in PyTorch).</summary>
    public Upsample(double scaleFactor, InterpolationMode mode = InterpolationMode.Nearest, bool alignCorners = false)
        : this(null, (scaleFactor, scaleFactor), mode, alignCorners)
    {
    }

    /// <summary>Resizes by separate (height, width) scale factors.</summary>
    public Upsample((double Height, double Width) scaleFactor, InterpolationMode mode = InterpolationMode.Nearest, bool alignCorners = false)
        : this(null, scaleFactor, mode, alignCorners)
    {
    }

    /// <summary>Resizes to a fixed (height, width).</summary>
    public Upsample((int Height, int Width) size, InterpolationMode mode = InterpolationMode.Nearest, bool alignCorners = false)
        : this(size, null, mode, alignCorners)
    {
    }

    private Upsample((int, int)? size, (double, double)? scale, InterpolationMode mode, bool alignCorners)
    {
        if (alignCorners && mode == InterpolationMode.Nearest)
        {
            throw new ArgumentException("Upsample: align_corners applies to bilinear mode only", nameof(alignCorners));
        }
        if (scale is { } s && (s.Item1 <= 0 || s.Item2 <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), "Upsample: scale factors must be positive");
        }
        Size = size;
        ScaleFactor = scale;
        Mode = mode;
        AlignCorners = alignCorners;
    }

    /// <summary>Fixed output size, if given.</summary>
    public (int Height, int Width)? Size { get; }

    /// <summary>Scale factors (height, width), if given.</summary>
    public (double Height, double Width)? ScaleFactor { get; }

    /// <summary>Interpolation mode.</summary>
    public InterpolationMode Mode { get; }

    /// <summary>Bilinear corner alignment.</summary>
    public bool AlignCorners { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4)
        {
            throw new ArgumentException($"Upsample: expected a 4-D NCHW tensor, got {input}", nameof(input));
        }
        return Size is { } size
            ? Interpolate(input, size, null, Mode, AlignCorners)
            : Interpolate(input, null, ScaleFactor, Mode, AlignCorners);
    }

    /// <inheritdoc />
    public override void ForwardInto(Tensor input, Tensor output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (input.Rank != 4)
        {
            throw new ArgumentException($"Upsample: expected a 4-D NCHW tensor, got {input}", nameof(input));
        }
        var (oh, ow) = Size ?? OutputSize(input, ScaleFactor!.Value);
        if (output.Rank != 4 || output.Shape[2] != oh || output.Shape[3] != ow)
        {
            throw new ArgumentException($"Upsample: output buffer is {output}, expected {oh}×{ow} planes", nameof(output));
        }
        Resize(input, output, Size is null ? ScaleFactor : null, Mode, AlignCorners);
    }

    /// <summary>F.interpolate: give either <paramref name="size"/> or <paramref name="scaleFactor"/>.</summary>
    public static Tensor Interpolate(Tensor input, (int Height, int Width)? size, (double Height, double Width)? scaleFactor,
        InterpolationMode mode, bool alignCorners = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (size is null == scaleFactor is null)
        {
            throw new ArgumentException("interpolate: give exactly one of size and scale factor");
        }
        if (input.Rank != 4)
        {
            throw new ArgumentException($"interpolate: expected a 4-D NCHW tensor, got {input}", nameof(input));
        }
        var (oh, ow) = size ?? OutputSize(input, scaleFactor!.Value);
        var output = Tensor.Empty(input.Shape[0], input.Shape[1], oh, ow);
        try
        {
            Resize(input, output, scaleFactor, mode, alignCorners);
            return output;
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    private static (int Height, int Width) OutputSize(Tensor input, (double Height, double Width) scale) =>
        ((int)Math.Floor(input.Shape[2] * scale.Height), (int)Math.Floor(input.Shape[3] * scale.Width));

    private static void Resize(Tensor input, Tensor output, (double Height, double Width)? scale, InterpolationMode mode, bool alignCorners)
    {
        if (mode == InterpolationMode.Nearest)
        {
            Interpolation.Nearest(input, output, scale?.Height, scale?.Width);
        }
        else
        {
            Interpolation.Bilinear(input, output, alignCorners, scale?.Height, scale?.Width);
        }
    }
}
