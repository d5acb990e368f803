using System.Globalization;
using PipelineSeg.Plugins.Abstractions;
using static TorchSharp.torch;

namespace PipelineSeg.Backends.Torch;

/// <summary>
/// A reduced precision must earn its place at load: one seeded random slice goes through the network in float32 and then
/// in the reduced type, and the outputs may differ by at most <see cref="Tolerance"/> of the float32 output's largest
/// magnitude. Rounding stays far below it; a wrong kernel does not — LibTorch 2.10's oneDNN bf16 convolutions on
/// AVX-512 CPUs are off by up to 0.4 on unit-range data (measured here; with ONEDNN_MAX_CPU_ISA=AVX2 they are exact to 0.006).
/// </summary>
internal static class TorchPrecisionCheck
{
    /// <summary>Largest difference allowed, relative to the float32 output's largest magnitude.</summary>
    public const double Tolerance = 0.05;


    /// <summary>Casts <paramref name="network"/> to <paramref name="type"/> when it passes; the message says why not otherwise.</summary>
    /// <exception cref="InvalidOperationException">The reduced type is not exact enough on this machine (measured difference named).</exception>
    public static void CastChecked(ModelManifest model, TorchNetwork network, TorchPlacement placement, ScalarType type, string precision)
    {
        var spec = model.Input;
        using var scope = NewDisposeScope();
        using var generator = new TorchSharp.torch.Generator(14);
        var slice = rand([1, spec.Channels, spec.Height, spec.Width], generator: generator).to(placement.Device);
        var reference = network.Forward(slice);
        network.ComputeIn(type);
        var reduced = network.Forward(slice);
        var scale = Math.Max(reference.abs().max().item<float>(), 1e-6f);
        var error = (reference - reduced).abs().max().item<float>() / scale;
        if (!(error <= Tolerance))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"model '{model.Id}': precision {precision} on {placement.Contract} is off by {error:F3} of the output's range from fp32 on a test slice ")
                + string.Create(CultureInfo.InvariantCulture, $"(tolerance {Tolerance}): LibTorch's {precision} kernels are not exact enough on this machine ")
                + "(on AVX-512 CPUs oneDNN's bf16 convolutions; ONEDNN_MAX_CPU_ISA=AVX2 avoids them); use fp32");
        }
    }
}
