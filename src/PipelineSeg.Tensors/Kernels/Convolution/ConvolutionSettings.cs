namespace PipelineSeg.Tensors.Kernels;

/// <summary>Algorithm switches for convolution plans (read when a plan is built).</summary>
internal static class ConvolutionSettings
{
    /// <summary>Winograd for 3×3 stride-1 convolutions; PIPELINESEG_WINOGRAD=0 turns it off (e.g. to compare accuracy).</summary>
    public static bool WinogradEnabled { get; set; } = Environment.GetEnvironmentVariable("PIPELINESEG_WINOGRAD") != "0";
}
