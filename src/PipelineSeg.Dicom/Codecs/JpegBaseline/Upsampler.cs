using System.Buffers;

namespace PipelineSeg.Dicom.Codecs.JpegBaseline;

/// <summary>
/// Brings a subsampled component to full resolution exactly as IJG libjpeg (jdsample.c, do_fancy_upsampling) does:
/// triangular "fancy" filters for 2:1 horizontal and 2:1 both ways, sample replication for other integral ratios.
/// Rows above/below the component repeat its first/last row, as libjpeg's context rows do.
/// </summary>
internal static class Upsampler
{
    /// <summary>Writes the upsampled component (width × height) into <paramref name="output"/> with stride width.</summary>
    public static void Upsample(ReadOnlySpan<ushort> input, int inStride, int inWidth, int inHeight, int hExpand, int vExpand,
        Span<ushort> output, int width, int height)
    {
        if (hExpand == 2 && vExpand <= 2 && inWidth > 2)
        {
            // The filters produce 2 × inWidth samples (one more than width for odd widths): build in scratch, copy.
            var scratch = ArrayPool<ushort>.Shared.Rent(2 * inWidth);
            try
            {
                var row = scratch.AsSpan(0, 2 * inWidth);
                for (var y = 0; y < height; y++)
                {
                    var r = y / vExpand;
                    if (vExpand == 1)
                    {
                        H2V1Fancy(input.Slice(r * inStride, inWidth), row);
                    }
                    else
                    {
                        var neighbour = (y & 1) == 0 ? Math.Max(r - 1, 0) : Math.Min(r + 1, inHeight - 1);
                        H2V2Fancy(input.Slice(r * inStride, inWidth), input.Slice(neighbour * inStride, inWidth), row);
                    }
                    row[..width].CopyTo(output.Slice(y * width, width));
                }
            }
            finally
            {
                ArrayPool<ushort>.Shared.Return(scratch);
            }
            return;
        }
        for (var y = 0; y < height; y++)
        {
            var source = input.Slice(y / vExpand * inStride);
            var target = output.Slice(y * width, width);
            for (var x = 0; x < width; x++)
            {
                target[x] = source[x / hExpand];
            }
        }
    }

    /// <summary>jdsample.c h2v1_fancy_upsample: 3/4 nearer sample + 1/4 further sample, alternate rounding.</summary>
    private static void H2V1Fancy(ReadOnlySpan<ushort> input, Span<ushort> row)
    {
        var n = input.Length;
        row[0] = input[0];
        row[1] = (ushort)(((input[0] * 3) + input[1] + 2) >> 2);
        for (var i = 1; i < n - 1; i++)
        {
            var value = input[i] * 3;
            row[2 * i] = (ushort)((value + input[i - 1] + 1) >> 2);
            row[(2 * i) + 1] = (ushort)((value + input[i + 1] + 2) >> 2);
        }
        row[(2 * n) - 2] = (ushort)(((input[n - 1] * 3) + input[n - 2] + 1) >> 2);
        row[(2 * n) - 1] = input[n - 1];
    }

    /// <summary>jdsample.c h2v2_fancy_upsample for one output row: 9/16, 3/16, 3/16, 1/16 weights.</summary>
    private static void H2V2Fancy(ReadOnlySpan<ushort> near, ReadOnlySpan<ushort> far, Span<ushort> row)
    {
        var n = near.Length;
        int thisColSum = (near[0] * 3) + far[0];
        int nextColSum = (near[1] * 3) + far[1];
        row[0] = (ushort)(((thisColSum * 4) + 8) >> 4);
        row[1] = (ushort)(((thisColSum * 3) + nextColSum + 7) >> 4);
        var lastColSum = thisColSum;
        thisColSum = nextColSum;
        for (var i = 1; i < n - 1; i++)
        {
            nextColSum = (near[i + 1] * 3) + far[i + 1];
            row[2 * i] = (ushort)(((thisColSum * 3) + lastColSum + 8) >> 4);
            row[(2 * i) + 1] = (ushort)(((thisColSum * 3) + nextColSum + 7) >> 4);
            lastColSum = thisColSum;
            thisColSum = nextColSum;
        }
        row[(2 * n) - 2] = (ushort)(((thisColSum * 3) + lastColSum + 8) >> 4);
        row[(2 * n) - 1] = (ushort)(((thisColSum * 4) + 7) >> 4);
    }
}
