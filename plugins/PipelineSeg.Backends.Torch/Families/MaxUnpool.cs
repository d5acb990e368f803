using static TorchSharp.torch;

namespace PipelineSeg.Backends.Torch.Families;

/// <summary>
/// MaxUnpool2d(2, 2) with an explicit output size, as PyTorch's <c>unpool(x, indices, output_size=…)</c>: each value goes
/// to its flat index in its plane, the rest are zeros. Written as a scatter because TorchSharp 0.107's max_unpool2d
/// drops the output size ("output_size should be a sequence containing 2 or 4 elements").
/// </summary>
internal static class MaxUnpool
{
    public static Tensor Apply(Tensor input, Tensor indices, long height, long width)
    {
        var (n, c) = (input.shape[0], input.shape[1]);
        return zeros([n, c, height * width], input.dtype, input.device)
            .scatter_(2, indices.flatten(2), input.flatten(2))
            .view(n, c, height, width);
    }
}
