using PipelineSeg.Nn;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Host.Cli.Models;

/// <summary>The manifest <c>models new</c> writes: the family plugin's assembly and entry type, one model with the
/// network's parameters, a CT window input and the classes its output gives.</summary>
internal static class NewModelManifest
{
    /// <summary>The network gives as many classes as the labels name (one foreground output channel: background and one).</summary>
    /// <exception cref="ArgumentException">It does not.</exception>
    public static void CheckClasses(NetworkDescription network, int labelCount)
    {
        var tanh = network.Activation == OutputActivation.Tanh;
        if (tanh && network.OutChannels != 1)
        {
            throw new ArgumentException($"a generator with {network.OutChannels} output channels is not a mask generator (output_nc must be 1)");
        }
        // One output channel read as a foreground value (tanh generator, sigmoid, the naive net's regression head):
        // the plugin gives it as background and one class.
        var single = network.OutChannels == 1 && network.Activation != OutputActivation.Softmax;
        if (!single && network.OutChannels < 2)
        {
            throw new ArgumentException("a softmax segmentation network needs at least 2 output channels (background and one class)");
        }
        var classCount = single ? 2 : network.OutChannels;
        if (labelCount != classCount)
        {
            throw new ArgumentException($"--labels gives {labelCount} label(s), the network gives {classCount} classes (background included)");
        }
    }

    /// <summary>The plugin manifest for the new folder.</summary>
    public static PluginManifest Create(PluginManifest family, string familyName, NewModelRequest request, NetworkDescription network, string weightsPath, string sha256)
    {
        CheckClasses(network, request.Classes.Count);
        var model = new ModelManifest
        {
            Id = request.Name,
            Name = request.Name,
            Version = "1.0.0",
            Family = familyName,
            Description = $"{familyName} preset {request.Preset} from {Path.GetFileName(request.Checkpoint)} (pipelineseg models new)",
            Input = new ModelInputSpec
            {
                Channels = network.InChannels,
                Height = request.Size,
                Width = request.Size,
                Intensity = new IntensityTransform { Kind = IntensityKind.Window, Center = request.Window.Center, Width = request.Window.Width, OutputMin = 0, OutputMax = 1 },
            },
            Output = new ModelOutputSpec
            {
                Kind = OutputKind.Probabilities,
                Classes = request.Classes,
            },
            Files = [new ModelFile { Path = weightsPath, Sha256 = sha256, Role = "weights" }],
            Parameters = request.Parameters,
        };
        return new PluginManifest
        {
            Id = $"user.{request.Name}",
            Name = request.Name,
            Version = "1.0.0",
            ContractVersion = family.ContractVersion,
            Assembly = family.Assembly,
            EntryType = family.EntryType,
            Description = $"{request.Name}: {familyName} ({request.Preset}) on the {family.Id} plugin code",
            Models = [model],
        };
    }
}
