using System.Text.Json.Serialization;

namespace PipelineSeg.Plugins.Abstractions;

/// <summary>One model served by a plugin: identity, input it expects, output it produces, files it needs.</summary>
public sealed class ModelManifest
{
    /// <summary>Stable model id, unique across plugins, e.g. <c>unet-liver-phantom</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Model version (semantic version text); written into reports and DICOM-SEG.</summary>
    public required string Version { get; init; }

    /// <summary>Architecture family, e.g. <c>unet</c>, <c>segnet</c>, <c>deeplabv3</c>, <c>cyclegan-generator</c>.</summary>
    public required string Family { get; init; }

    /// <summary>
    /// What runs the model (<see cref="ExecutionBackends.Builtin"/> by default: the family plugin builds it on our engine);
    /// another name selects a backend plugin (<see cref="IExecutionBackend"/>). Family and backend are independent.
    /// </summary>
    public string Backend { get; init; } = ExecutionBackends.Builtin;

    /// <summary>Optional free text (training data, intended use).</summary>
    public string? Description { get; init; }

    /// <summary>What the model expects.</summary>
    public required ModelInputSpec Input { get; init; }

    /// <summary>What the model produces.</summary>
    public required ModelOutputSpec Output { get; init; }

    /// <summary>Optional behaviours the model supports.</summary>
    public ModelCapabilities Capabilities { get; init; } = new();

    /// <summary>The model card: intended use, training domain and plausible results; null when the plugin states none.</summary>
    public IntendedUse? IntendedUse { get; init; }

    /// <summary>Files the model needs (weights…), checked by SHA-256 before the plugin is loaded.</summary>
    public IReadOnlyList<ModelFile> Files { get; init; } = [];

    /// <summary>Architecture hyper-parameters the plugin interprets (e.g. depth, baseWidth); numbers and booleans are kept as invariant text.</summary>
    [JsonConverter(typeof(ParameterDictionaryConverter))]
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Number of floats of the input tensor for <paramref name="sliceCount"/> slices.</summary>
    public int InputLength(int sliceCount) => checked(sliceCount * Input.Channels * Input.Height * Input.Width);

    /// <summary>Number of floats of the output tensor for <paramref name="sliceCount"/> slices.</summary>
    public int OutputLength(int sliceCount) => Output.Kind == OutputKind.Score
        ? checked(sliceCount * Output.Channels)
        : checked(sliceCount * Output.Channels * Input.Height * Input.Width);

    /// <summary>
    /// Checks a <see cref="ISegmentationModel.Predict"/> call's buffers: at least one slice, and exactly
    /// <see cref="InputLength"/> input and <see cref="OutputLength"/> output values for it (one check for every model).
    /// </summary>
    /// <exception cref="ArgumentException">A buffer has the wrong length; the message names the model and both lengths.</exception>
    public void CheckPredictBuffers(int inputLength, int sliceCount, int outputLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sliceCount, 1);
        if (inputLength != InputLength(sliceCount))
        {
            throw new ArgumentException($"model '{Id}': input for {sliceCount} slice(s) of {Input.Channels}×{Input.Height}×{Input.Width} needs {InputLength(sliceCount)} values, got {inputLength}", "input");
        }
        if (outputLength != OutputLength(sliceCount))
        {
            throw new ArgumentException($"model '{Id}': output for {sliceCount} slice(s) needs {OutputLength(sliceCount)} values, got {outputLength}", "output");
        }
    }

    /// <summary>The file with the given role (e.g. "weights"), or null.</summary>
    public ModelFile? FindFile(string role) => Files.FirstOrDefault(f => string.Equals(f.Role, role, StringComparison.Ordinal));

    /// <summary>An integer parameter, or <paramref name="defaultValue"/> when absent.</summary>
    /// <exception cref="FormatException">The parameter is present but not an integer.</exception>
    public int GetInt32(string name, int defaultValue) => Parameters.TryGetValue(name, out var text)
        ? int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new FormatException($"model '{Id}': parameter '{name}' = '{text}' is not an integer")
        : defaultValue;

    /// <summary>A floating-point parameter, or <paramref name="defaultValue"/> when absent.</summary>
    /// <exception cref="FormatException">The parameter is present but not a number.</exception>
    public double GetDouble(string name, double defaultValue) => Parameters.TryGetValue(name, out var text)
        ? double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new FormatException($"model '{Id}': parameter '{name}' = '{text}' is not a number")
        : defaultValue;
}
