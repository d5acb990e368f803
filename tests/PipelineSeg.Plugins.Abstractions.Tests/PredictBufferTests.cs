using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Abstractions.Tests;

/// <summary>The one check every model (builtin wrappers, ONNX, torch) makes of its Predict buffers.</summary>
public sealed class PredictBufferTests
{
    private static readonly ModelManifest Model = new()
    {
        Id = "m", Name = "m", Version = "1", Family = "unet",
        Input = new ModelInputSpec { Height = 8, Width = 4 },
        Output = new ModelOutputSpec
        {
            Classes = [new SegmentClass { Index = 0, Label = "background", IsBackground = true }, new SegmentClass { Index = 1, Label = "liver" }],
        },
    };

    [SkippableFact]
    public void Buffers_of_the_manifest_lengths_pass()
    {
        Model.CheckPredictBuffers(Model.InputLength(3), 3, Model.OutputLength(3));
        Assert.Equal(3 * 8 * 4, Model.InputLength(3));
    }

    [SkippableFact]
    public void A_wrong_buffer_or_no_slice_is_refused_naming_the_model_and_the_lengths()
    {
        var input = Assert.Throws<ArgumentException>(() => Model.CheckPredictBuffers(Model.InputLength(2) - 1, 2, Model.OutputLength(2)));
        Assert.Equal("input", input.ParamName);
        Assert.Contains($"model 'm': input for 2 slice(s) of 1×8×4 needs 64 values, got 63", input.Message, StringComparison.Ordinal);

        var output = Assert.Throws<ArgumentException>(() => Model.CheckPredictBuffers(Model.InputLength(2), 2, Model.OutputLength(1)));
        Assert.Equal("output", output.ParamName);
        Assert.Contains($"needs {Model.OutputLength(2)} values, got {Model.OutputLength(1)}", output.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentOutOfRangeException>(() => Model.CheckPredictBuffers(0, 0, 0));
    }
}
