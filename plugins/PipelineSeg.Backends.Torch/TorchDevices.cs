using PipelineSeg.Plugins.Abstractions;
using TorchSharp;

namespace PipelineSeg.Backends.Torch;

/// <summary>Maps cpu|cuda|cuda:N|auto onto LibTorch: CUDA needs a CUDA build of LibTorch and a visible device.</summary>
internal static class TorchDevices
{
    /// <exception cref="InvalidOperationException">CUDA was asked for and is not there (named cause).</exception>
    public static TorchPlacement Resolve(ExecutionDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var why = WhyNoCuda(device.Index);
        return device.Kind switch
        {
            ExecutionDeviceKind.Cpu => new TorchPlacement(torch.CPU, ExecutionDevice.Cpu, null),
            ExecutionDeviceKind.Cuda when why is not null => throw new InvalidOperationException($"device '{device}' is not available to LibTorch: {why}"),
            ExecutionDeviceKind.Cuda => new TorchPlacement(new torch.Device(DeviceType.CUDA, device.Index), device, null),
            _ when why is not null => new TorchPlacement(torch.CPU, ExecutionDevice.Cpu, $"auto chose the CPU: {why}"),
            _ => new TorchPlacement(new torch.Device(DeviceType.CUDA, 0), new ExecutionDevice(ExecutionDeviceKind.Cuda), null),
        };
    }

    private static string? WhyNoCuda(int index)
    {
        if (!torch.cuda.is_available())
        {
            return "no CUDA device visible to LibTorch (this plugin carries the CPU build of LibTorch unless built with -p:TorchFlavor=cuda; docs/backends.md)";
        }
        var count = torch.cuda.device_count();
        return index < count ? null : $"CUDA device {index} does not exist ({count} visible)";
    }
}
