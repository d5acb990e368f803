using Microsoft.ML.OnnxRuntime;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Backends.Onnx;

/// <summary>
/// Entry type of the ONNX Runtime backend plugin: runs a model's ONNX graph — the <c>model.onnx</c> of a model package
/// (role <c>model</c>) or the <c>onnx</c> file a native plugin ships beside its weights — after checking the graph's input
/// and output shapes against the manifest.
/// </summary>
public sealed class OnnxBackend : IExecutionBackend
{
    /// <summary>File role of an ONNX graph shipped beside a native model's weights.</summary>
    public const string GraphRole = "onnx";

    /// <inheritdoc />
    public string Name => ExecutionBackends.Onnx;

    /// <inheritdoc />
    public ISegmentationModel CreateModel(ModelManifest model, ModelCreationContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        var file = FindGraph(model) ?? throw new NotSupportedException(
            $"model '{model.Id}' has no ONNX graph (a file with role '{GraphRole}', or role 'model' ending in .onnx); "
            + "tools/backends/export_model.py shows how to export one");
        if (context.Precision != ExecutionPrecision.Fp32)
        {
            // ORT has no switch that casts a float32 graph: the types are the graph's own (a float16 export is another file).
            throw new NotSupportedException($"model '{model.Id}': ONNX Runtime runs {file.Path} in the float32 it was exported in, "
                + $"precision {context.Precision.Name()} needs backend '{ExecutionBackends.Torch}'");
        }
        cancellationToken.ThrowIfCancellationRequested();
        var (options, placement) = WithNativeLibrary(() => OnnxSessionOptions.Create(context.Device, context.MaxThreads));
        InferenceSession? session = null;
        try
        {
            session = new InferenceSession(context.ResolveFile(file.Path), options);
            var io = OnnxShapeCheck.Check(model, session);
            var result = new OnnxSegmentationModel(model, session, options, io, placement);
            session = null;
            return result;
        }
        catch (OnnxRuntimeException e)
        {
            options.Dispose();
            throw new InvalidDataException($"model '{model.Id}': ONNX Runtime cannot load {file.Path}: {e.Message}", e);
        }
        catch
        {
            options.Dispose();
            throw;
        }
        finally
        {
            session?.Dispose();
        }
    }

    /// <summary>Runs the first call into ONNX Runtime; a native library that will not load (a partial copy of the plugin
    /// folder, a missing dependency) becomes one line naming the library and the remedy instead of the loader's probe list.</summary>
    private static T WithNativeLibrary<T>(Func<T> firstCall)
    {
        try
        {
            return firstCall();
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException { InnerException: DllNotFoundException })
        {
            // The loader's first sentence names the library; the rest is its list of probed paths.
            var message = (e.InnerException ?? e).Message;
            var cause = message[..(message.IndexOf(". ", StringComparison.Ordinal) is var end and > 0 ? end + 1 : message.Length)];
            throw new InvalidOperationException(
                $"ONNX Runtime's native library (onnxruntime) is missing from the backend plugin folder or cannot be loaded: {cause} "
                + "(publish the plugin again: dotnet publish plugins/PipelineSeg.Backends.Onnx -c Release -o <plugins>/PipelineSeg.Backends.Onnx)", e);
        }
    }

    private static ModelFile? FindGraph(ModelManifest model) =>
        model.FindFile(GraphRole)
        ?? model.Files.FirstOrDefault(f => f.Role == "model" && f.Path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase));
}
