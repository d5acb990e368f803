using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Abstractions.Tests;

public sealed class ExecutionDeviceTests
{
    [SkippableTheory]
    [InlineData("cpu", ExecutionDeviceKind.Cpu, 0, "cpu")]
    [InlineData("CUDA", ExecutionDeviceKind.Cuda, 0, "cuda")]
    [InlineData("cuda:0", ExecutionDeviceKind.Cuda, 0, "cuda")]
    [InlineData("cuda:3", ExecutionDeviceKind.Cuda, 3, "cuda:3")]
    [InlineData(" auto ", ExecutionDeviceKind.Auto, 0, "auto")]
    public void Parses_the_documented_forms(string text, ExecutionDeviceKind kind, int index, string shown)
    {
        var device = ExecutionDevice.Parse(text);
        Assert.Equal((kind, index, shown), (device.Kind, device.Index, device.ToString()));
    }

    [SkippableTheory]
    [InlineData("gpu")]
    [InlineData("cuda:")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:x")]
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_anything_else(string? text)
    {
        Assert.Null(ExecutionDevice.TryParse(text));
        Assert.Contains("cpu, cuda, cuda:N or auto", Assert.Throws<FormatException>(() => ExecutionDevice.Parse(text)).Message, StringComparison.Ordinal);
    }
}
