using PipelineSeg.Tensors;

namespace PipelineSeg.Nn.Tests.Modules;

public sealed class FunctionalTests
{
    [SkippableFact]
    public void Functional_calls_equal_their_modules()
    {
        using var x = Tensor.FromArray([-2f, -1f, 0f, 1f, 2f, 3f, 4f, 5f, -6f], 1, 1, 3, 3);
        using (var a = Functional.Relu(x))
        using (var b = new ReLU().Forward(x))
        {
            Assert.Equal(b.ToArray(), a.ToArray());
        }
        using (var pooled = Functional.MaxPool2d(x, 2, stride: 1))
        {
            Assert.Equal([2f, 3f, 5f, 5f], pooled.ToArray());
        }
        using (var avg = Functional.AvgPool2d(x, 3, padding: 1, countIncludePad: false))
        {
            Assert.Equal((-2f - 1f + 1f + 2f) / 4f, avg.Span[0], 6);
        }
        using (var padded = Functional.Pad(x, 1, 1, 0, 0, reflect: true))
        {
            Assert.Equal([-1f, -2f, -1f, 0f, -1f], padded.ToArray()[..5]);
        }
        using (var up = Functional.Interpolate(x, 2.0))
        {
            Assert.Equal([1, 1, 6, 6], up.Shape.ToArray());
        }
        using (var soft = Functional.Softmax(x, 3))
        {
            Assert.Equal(1f, soft.Span[0] + soft.Span[1] + soft.Span[2], 5);
        }
        using var sum = Functional.Add(x, x);
        Assert.Equal(10f, sum.Span[7]);
    }
}
