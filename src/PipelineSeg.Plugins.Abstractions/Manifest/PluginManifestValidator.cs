namespace PipelineSeg.Plugins.Abstractions;

/// <summary>Structural checks of a manifest that need no files (the host checks files and hashes separately).</summary>
public static class PluginManifestValidator
{
    /// <summary>Every problem found, as readable sentences; empty when the manifest is consistent.</summary>
    public static IReadOnlyList<string> Validate(PluginManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var problems = new List<string>();
        Require(problems, !string.IsNullOrWhiteSpace(manifest.Id), "'id' is empty");
        var contract = manifest.ParsedContractVersion;
        if (contract is null)
        {
            problems.Add($"'contractVersion' '{manifest.ContractVersion}' is not major.minor");
        }
        else if (!PluginContract.IsCompatible(contract))
        {
            problems.Add($"built against contract {contract}, host implements {PluginContract.Version} (needs the same major version and a minor version ≤ {PluginContract.Version.Minor})");
        }
        var backend = manifest.ExecutionBackend;
        if (manifest.IsModelPackage)
        {
            ValidatePackage(manifest, problems);
        }
        else
        {
            Require(problems, IsPlainRelativePath(manifest.Assembly) && manifest.Assembly!.EndsWith(".dll", StringComparison.OrdinalIgnoreCase),
                $"'assembly' '{manifest.Assembly}' must be a .dll inside the plugin folder");
            Require(problems, !string.IsNullOrWhiteSpace(manifest.EntryType), "'entryType' is empty");
        }
        Require(problems, manifest.Models is { Count: > 0 } || !string.IsNullOrWhiteSpace(backend), "'models' is empty (and the plugin provides no 'executionBackend')");
        Require(problems, backend is null || (!string.IsNullOrWhiteSpace(backend) && !ExecutionBackends.IsBuiltin(backend)),
            $"'executionBackend' '{backend}' must be a name other than '{ExecutionBackends.Builtin}'");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var model in manifest.Models ?? [])
        {
            Require(problems, ids.Add(model.Id), $"model id '{model.Id}' appears twice");
            ValidateModel(model, problems);
        }
        for (var i = 0; i < (manifest.Models?.Count ?? 0); i++)
        {
            IntendedUseValidator.Validate(manifest.Models![i], i, problems);
        }
        return problems;
    }

    /// <summary>A package without code: nothing runs it but an execution backend plugin, so every model must name one.</summary>
    private static void ValidatePackage(PluginManifest manifest, List<string> problems)
    {
        Require(problems, manifest.ExecutionBackend is null, "a model package (no 'assembly') cannot provide an 'executionBackend'");
        Require(problems, manifest.Models is { Count: > 0 }, "a model package (no 'assembly') needs at least one model");
        foreach (var model in (manifest.Models ?? []).Where(m => ExecutionBackends.IsBuiltin(m.Backend)))
        {
            problems.Add($"model '{model.Id}': a model package (no 'assembly') has no code to build a network on the builtin engine; "
                + $"name the execution backend that runs its file ('backend': '{ExecutionBackends.Onnx}' or '{ExecutionBackends.Torch}')");
        }
    }

    private static void ValidateModel(ModelManifest model, List<string> problems)
    {
        var at = $"model '{model.Id}'";
        Require(problems, !string.IsNullOrWhiteSpace(model.Id), "a model has an empty 'id'");
        Require(problems, !string.IsNullOrWhiteSpace(model.Backend), $"{at}: 'backend' is empty (omit it for '{ExecutionBackends.Builtin}')");
        Require(problems, model.Input.Channels > 0 && model.Input.Height > 0 && model.Input.Width > 0,
            $"{at}: 'input.channels', 'input.height' and 'input.width' must be positive (got {model.Input.Channels}, {model.Input.Height}, {model.Input.Width})");
        Require(problems, model.Input.Layout != ChannelLayout.AdjacentSlices || model.Input.Channels % 2 == 1,
            $"{at}: 'input.layout' adjacentSlices needs an odd channel count ('input.channels' {model.Input.Channels})");
        Require(problems, model.Input.PixelSpacingMm is null or > 0, $"{at}: 'input.pixelSpacingMm' must be positive");
        var input = model.Input;
        Require(problems, input.Color != InputColor.Rgb || (input.Channels == 3 && input.Layout == ChannelLayout.SingleSlice),
            $"{at}: 'input.color' rgb needs 3 'input.channels' and 'input.layout' singleSlice");
        var (means, stds) = (input.ChannelMean ?? [], input.ChannelStd ?? []);
        Require(problems, means.Count == stds.Count && (means.Count == 0 || means.Count == input.Channels),
            $"{at}: 'input.channelMean' and 'input.channelStd' need one value per input channel ({input.Channels}), or both none");
        Require(problems, stds.All(v => v > 0), $"{at}: 'input.channelStd' values must be positive");
        var intensity = model.Input.Intensity;
        Require(problems, intensity.Kind != IntensityKind.Window || intensity.Width > 0, $"{at}: 'input.intensity.width': window width must be positive");
        Require(problems, intensity.Kind != IntensityKind.ZScore || intensity.Std > 0, $"{at}: 'input.intensity.std': std must be positive");
        Require(problems, model.Output.Classes is { Count: > 0 }, $"{at}: 'output.classes' is empty");
        Require(problems, model.Output.DefaultThreshold is null or (> 0 and < 1),
            $"{at}: output.defaultThreshold must be between 0 and 1 (exclusive), got {model.Output.DefaultThreshold}");
        for (var i = 0; i < (model.Output.Classes?.Count ?? 0); i++)
        {
            var c = model.Output.Classes![i];
            Require(problems, c.Index == i, $"{at}: 'output.classes[{i}].index': class '{c.Label}' has index {c.Index}, expected {i} (classes are listed in channel order)");
            var isSegmentation = model.Output.Kind is OutputKind.Probabilities or OutputKind.Logits;
            Require(problems, !isSegmentation || c.IsBackground || (c.Category is not null && c.Type is not null),
                $"{at}: 'output.classes[{i}].category' and '.type': class '{c.Label}' needs a category and a type code (DICOM-SEG requires them)");
            Require(problems, c.Color is null || (c.Color.Count == 3 && c.Color.All(v => v is >= 0 and <= 255)),
                $"{at}: 'output.classes[{i}].color': class '{c.Label}' colour must be three values 0-255");
            foreach (var inner in c.Contains ?? [])
            {
                var target = model.Output.Classes.FirstOrDefault(o => string.Equals(o.Label, inner, StringComparison.OrdinalIgnoreCase));
                Require(problems, target is not null && !target.IsBackground && target != c && !c.IsBackground,
                    $"{at}: 'output.classes[{i}].contains': class '{c.Label}': 'contains' names '{inner}', which is not another non-background class of this model");
            }
        }
        for (var j = 0; j < model.Files.Count; j++)
        {
            var file = model.Files[j];
            Require(problems, IsPlainRelativePath(file.Path), $"{at}: 'files[{j}].path': file '{file.Path}' must be a relative path inside the plugin folder");
            Require(problems, file.Sha256 is { Length: 64 } && file.Sha256.All(Uri.IsHexDigit), $"{at}: 'files[{j}].sha256': file '{file.Path}' needs a 64-digit hex sha256");
        }
    }

    private static bool IsPlainRelativePath(string? path) =>
        !string.IsNullOrWhiteSpace(path) && !Path.IsPathRooted(path) && !path.Replace('\\', '/').Split('/').Contains("..");

    private static void Require(List<string> problems, bool condition, string problem)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }
}
