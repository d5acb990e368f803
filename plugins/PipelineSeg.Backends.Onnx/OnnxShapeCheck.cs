using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Backends.Onnx;

/// <summary>
/// Compares the graph's one float input and output with the manifest: [N, channels, height, width] in,
/// [N, classes, height, width] out ([N, channels] for scores). Dynamic dimensions (-1, symbolic) match any value;
/// the batch dimension must be dynamic or 1.
/// </summary>
internal static class OnnxShapeCheck
{
    /// <summary>The input and output names to bind.</summary>
    /// <exception cref="InvalidDataException">The graph disagrees with the manifest; the message names both shapes.</exception>
    public static GraphIo Check(ModelManifest model, InferenceSession session)
    {
        var (inputName, input) = Single(model, session.InputMetadata, "input");
        var (outputName, output) = Single(model, session.OutputMetadata, "output");
        long[] expectedIn = [-1, model.Input.Channels, model.Input.Height, model.Input.Width];
        long[] expectedOut = model.Output.Kind == OutputKind.Score
            ? [-1, model.Output.Channels]
            : [-1, model.Output.Channels, model.Input.Height, model.Input.Width];
        Compare(model, "input", inputName, input, expectedIn);
        Compare(model, "output", outputName, output, expectedOut);
        return new GraphIo(inputName, outputName, FixedBatch(input.Dimensions[0]) && FixedBatch(output.Dimensions[0]));
    }

    private static (string Name, NodeMetadata Node) Single(ModelManifest model, IReadOnlyDictionary<string, NodeMetadata> nodes, string what)
    {
        if (nodes.Count != 1)
        {
            throw new InvalidDataException($"model '{model.Id}': the ONNX graph has {nodes.Count} {what}s ({string.Join(", ", nodes.Keys)}), the backend binds exactly one");
        }
        var (name, node) = nodes.First();
        if (node.ElementDataType != TensorElementType.Float)
        {
            throw new InvalidDataException($"model '{model.Id}': ONNX {what} '{name}' is {node.ElementDataType}, not float32");
        }
        return (name, node);
    }

    private static void Compare(ModelManifest model, string what, string name, NodeMetadata node, long[] expected)
    {
        var actual = node.Dimensions;
        var matches = actual.Length == expected.Length
            && (actual[0] is <= 0 or 1)
            && actual.Skip(1).Zip(expected.Skip(1)).All(p => p.First <= 0 || p.First == p.Second);
        if (!matches)
        {
            throw new InvalidDataException($"model '{model.Id}': ONNX {what} '{name}' has shape {Show(actual, node.SymbolicDimensions)}, "
                + $"the manifest needs {Show(expected, null)} (N = slices; input.channels/height/width, output.classes)");
        }
    }

    private static bool FixedBatch(int dimension) => dimension == 1;

    private static string Show(IReadOnlyList<long> dims, string[]? symbols) =>
        "[" + string.Join(", ", dims.Select((d, i) => d > 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : symbols is { } s && i < s.Length && s[i].Length > 0 ? s[i] : "N")) + "]";

    private static string Show(int[] dims, string[]? symbols) => Show([.. dims.Select(d => (long)d)], symbols);
}
