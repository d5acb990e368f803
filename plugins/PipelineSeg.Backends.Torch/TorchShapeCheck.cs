using PipelineSeg.Plugins.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace PipelineSeg.Backends.Torch;

/// <summary>
/// TorchScript carries no static shapes: one zero slice [1, channels, height, width] goes through the network at load,
/// and its output must be [1, classes, height, width] ([1, classes] for scores), so a wrong file fails at load, not mid-series.
/// </summary>
internal static class TorchShapeCheck
{
    /// <exception cref="InvalidDataException">The network refuses the manifest's input or gives another output shape.</exception>
    public static void Check(ModelManifest model, TorchNetwork network, Device device)
    {
        var spec = model.Input;
        long[] input = [1, spec.Channels, spec.Height, spec.Width];
        long[] expected = model.Output.Kind == OutputKind.Score ? [1, model.Output.Channels] : [1, model.Output.Channels, spec.Height, spec.Width];
        using var scope = NewDisposeScope();
        Tensor output;
        try
        {
            output = network.Forward(zeros(input, ScalarType.Float32, device));
        }
        catch (Exception e) when (e is System.Runtime.InteropServices.ExternalException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidDataException($"model '{model.Id}': {network.Source} does not take the manifest's input {Show(input)}: {TorchNetwork.FirstLine(e.Message)}", e);
        }
        if (!output.shape.SequenceEqual(expected) || output.dtype != ScalarType.Float32)
        {
            throw new InvalidDataException($"model '{model.Id}': {network.Source} gives {output.dtype} {Show(output.shape)} for input {Show(input)}, "
                + $"the manifest needs Float32 {Show(expected)} (input.channels/height/width, output.classes)");
        }
    }

    private static string Show(long[] shape) => "[" + string.Join(", ", shape) + "]";
}
