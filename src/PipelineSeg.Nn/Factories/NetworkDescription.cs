namespace PipelineSeg.Nn;

/// <summary>What a raw network takes and gives (NCHW float32).</summary>
/// <param name="InChannels">Input channels.</param>
/// <param name="OutChannels">Output channels.</param>
/// <param name="Activation">What turns the output into probabilities or an image (not part of the raw network unless
/// <see cref="OutputActivation.Tanh"/>, which reference generators end with).</param>
/// <param name="SizeMultiple">Input height and width must be a multiple of this (1 = any size).</param>
public sealed record NetworkDescription(int InChannels, int OutChannels, OutputActivation Activation, int SizeMultiple);
