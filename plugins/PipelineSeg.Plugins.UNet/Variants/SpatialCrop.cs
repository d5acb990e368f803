using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.UNet;

/// <summary>Centre crop of an NCHW tensor, as <c>x[:, :, dy:dy+h, dx:dx+w]</c> with dy = (H − h) // 2.</summary>
internal static class SpatialCrop
{
    public static Tensor Center(Tensor input, int height, int width)
    {
        var (n, c, h, w) = (input.Shape[0], input.Shape[1], input.Shape[2], input.Shape[3]);
        if (height > h || width > w)
        {
            throw new ArgumentException($"cannot crop {input} to {height}×{width}", nameof(height));
        }
        var dy = (h - height) / 2;
        var dx = (w - width) / 2;
        var output = Tensor.Empty(n, c, height, width);
        var src = input.Span;
        var dst = output.Span;
        for (var plane = 0; plane < n * c; plane++)
        {
            for (var y = 0; y < height; y++)
            {
                src.Slice((plane * h + y + dy) * w + dx, width).CopyTo(dst.Slice((plane * height + y) * width, width));
            }
        }
        return output;
    }
}
