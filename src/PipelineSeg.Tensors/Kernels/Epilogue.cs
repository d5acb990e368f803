namespace PipelineSeg.Tensors.Kernels;

/// <summary>What a convolution applies to each output after adding the bias.</summary>
/// <param name="Activation">The fused activation.</param>
/// <param name="NegativeSlope">Slope of <see cref="FusedActivation.LeakyRelu"/> for negative inputs.</param>
public readonly record struct Epilogue(FusedActivation Activation = FusedActivation.None, float NegativeSlope = 0.01f);
