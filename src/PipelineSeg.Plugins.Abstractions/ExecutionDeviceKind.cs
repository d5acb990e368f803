namespace PipelineSeg.Plugins.Abstractions;

/// <summary>Kinds of <see cref="ExecutionDevice"/>.</summary>
public enum ExecutionDeviceKind
{
    /// <summary>The CPU.</summary>
    Cpu,

    /// <summary>An NVIDIA GPU through CUDA.</summary>
    Cuda,

    /// <summary>CUDA when the native library and a device are present, else the CPU.</summary>
    Auto,
}
