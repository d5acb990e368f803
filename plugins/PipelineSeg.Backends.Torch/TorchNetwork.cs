using PipelineSeg.Plugins.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace PipelineSeg.Backends.Torch;

/// <summary>A network on a LibTorch device in eval mode: a loaded TorchScript module or a TorchSharp module tree.</summary>
internal sealed class TorchNetwork : IDisposable
{
    private readonly nn.Module _module;
    private readonly Func<Tensor, Tensor> _forward;
    private ScalarType _type = ScalarType.Float32;

    public TorchNetwork(nn.Module module, Func<Tensor, Tensor> forward, string source)
    {
        _module = module;
        _forward = forward;
        Source = source;
    }

    /// <summary>What the network was built from (for messages), e.g. "TorchScript model.pt".</summary>
    public string Source { get; }

    /// <summary>Loads a TorchScript file (torch.jit.load) onto <paramref name="device"/>.</summary>
    /// <exception cref="InvalidDataException">LibTorch cannot read the file.</exception>
    public static TorchNetwork FromScript(ModelManifest model, string path, Device device)
    {
        jit.ScriptModule<Tensor, Tensor> script;
        try
        {
            script = jit.load<Tensor, Tensor>(path, device.type, device.index);
        }
        catch (Exception e) when (e is System.Runtime.InteropServices.ExternalException or ArgumentException)
        {
            throw new InvalidDataException($"model '{model.Id}': LibTorch cannot load TorchScript {Path.GetFileName(path)}: {FirstLine(e.Message)}", e);
        }
        script.eval();
        return new TorchNetwork(script, x => script.call(x), $"TorchScript {Path.GetFileName(path)}");
    }

    /// <summary>The type weights and activations are in (float32 unless <see cref="ComputeIn"/> changed it).</summary>
    public ScalarType ComputeType => _type;

    /// <summary>Casts weights and buffers to <paramref name="type"/>; <see cref="Forward"/> then casts its input to it and its output back.</summary>
    public void ComputeIn(ScalarType type)
    {
        _module.to(type);
        _type = type;
    }

    /// <summary>
    /// One forward pass in inference mode (no autograd records, no version counters: cheaper than no_grad), float32 in
    /// and out whatever <see cref="ComputeType"/> is.
    /// </summary>
    public Tensor Forward(Tensor input)
    {
        using var inference = inference_mode();
        var output = _forward(_type == ScalarType.Float32 ? input : input.to(_type));
        return output.dtype == ScalarType.Float32 ? output : output.to(ScalarType.Float32);
    }

    public void Dispose() => _module.Dispose();

    /// <summary>LibTorch messages carry a C++ backtrace after the first line.</summary>
    public static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
