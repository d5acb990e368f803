using PipelineSeg.Tensors;

namespace PipelineSeg.Nn;

public abstract partial class Module
{
    /// <summary>
    /// Parameters and persistent buffers by state-dict name, in PyTorch's order (each module's parameters, then its
    /// buffers, then its children). The tensors are the module's own: writing into them changes the model
    /// (call <see cref="LoadStateDict"/> or <see cref="Eval"/> afterwards so prepared plans are rebuilt).
    /// </summary>
    public OrderedDictionary<string, Tensor> StateDict()
    {
        var result = new OrderedDictionary<string, Tensor>(StringComparer.Ordinal);
        AddState(result, "");
        return result;
    }

    /// <summary>
    /// Copies tensors into this module's parameters and persistent buffers. Strict (the default) demands the key sets
    /// match; shapes must always match. Keys ending in <c>num_batches_tracked</c> are ignored.
    /// </summary>
    /// <exception cref="StateDictMismatchException">Names every missing, unexpected and mis-shaped key.</exception>
    /// <param name="stateDict">Tensors by key.</param>
    /// <param name="strict">Demand that the key sets match exactly.</param>
    /// <param name="stripPrefix">Removed from the start of keys that have it (e.g. "module." of DataParallel checkpoints).</param>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> stateDict, bool strict = true, string? stripPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(stateDict);
        Load(WithPrefix(new DictionaryTensorSource(stateDict), stripPrefix), strict);
    }

    /// <summary>Loads a .safetensors file (F32, F16, BF16 or F64 tensors), memory-mapped rather than read into memory.</summary>
    /// <param name="path">The .safetensors file.</param>
    /// <param name="strict">Demand that the key sets match exactly.</param>
    /// <param name="stripPrefix">Removed from the start of keys that have it (e.g. "module." of DataParallel checkpoints).</param>
    /// <exception cref="StateDictMismatchException">Names every missing, unexpected and mis-shaped key and the file.</exception>
    public void LoadSafetensors(string path, bool strict = true, string? stripPrefix = null)
    {
        using var file = SafetensorsFile.Open(path);
        Load(WithPrefix(file, stripPrefix), strict);
    }

    /// <summary>Loads a PyTorch <c>torch.save</c> state dict (.pt/.pth, zip or legacy format) through the restricted
    /// unpickler: no code from the file runs. Training checkpoints holding the state dict under <c>state_dict</c> or
    /// <c>model</c> are found; non-tensor entries are skipped.</summary>
    /// <exception cref="UnpicklingRefusedException">The file uses a pickle global a state dict has no use for.</exception>
    /// <exception cref="StateDictMismatchException">Names every missing, unexpected and mis-shaped key and the file.</exception>
    public void LoadTorchCheckpoint(string path, bool strict = true, string? stripPrefix = null)
    {
        using var file = TorchCheckpointFile.Open(path);
        Load(WithPrefix(file, stripPrefix), strict);
    }

    /// <summary>Loads weights from a .safetensors or a torch.save file, chosen by the file's content, not its name.</summary>
    public void LoadWeights(string path, bool strict = true, string? stripPrefix = null)
    {
        if (WeightsFormat.IsTorch(path))
        {
            LoadTorchCheckpoint(path, strict, stripPrefix);
        }
        else
        {
            LoadSafetensors(path, strict, stripPrefix);
        }
    }

    private static ITensorSource WithPrefix(ITensorSource source, string? prefix) =>
        string.IsNullOrEmpty(prefix) ? source : new PrefixStrippingTensorSource(source, prefix);

    /// <summary>Writes the state dict as a float32 .safetensors file.</summary>
    public void SaveSafetensors(string path) => SafetensorsWriter.Write(path, StateDict());

    private void AddState(OrderedDictionary<string, Tensor> result, string prefix)
    {
        foreach (var (name, tensor) in parameters)
        {
            if (tensor is not null)
            {
                result.Add(Join(prefix, name), tensor);
            }
        }
        foreach (var buffer in buffers)
        {
            if (buffer.Persistent && buffer.Tensor is not null)
            {
                result.Add(Join(prefix, buffer.Name), buffer.Tensor);
            }
        }
        foreach (var (name, child) in children)
        {
            child.AddState(result, Join(prefix, name));
        }
    }

    private void Load(ITensorSource source, bool strict)
    {
        var own = StateDict();
        var missing = new List<string>();
        var unexpected = new List<string>();
        var misShaped = new List<string>();
        foreach (var key in source.Keys)
        {
            if (IsIgnored(key))
            {
                continue;
            }
            if (!own.TryGetValue(key, out var target))
            {
                unexpected.Add(key);
            }
            else if (!source.Shape(key).SequenceEqual(target.Shape))
            {
                misShaped.Add($"{key}: checkpoint [{string.Join(", ", source.Shape(key))}], model [{string.Join(", ", target.Shape.ToArray())}]");
            }
        }
        var present = new HashSet<string>(source.Keys, StringComparer.Ordinal);
        missing.AddRange(own.Keys.Where(k => !present.Contains(k)));
        if (misShaped.Count > 0 || (strict && (missing.Count > 0 || unexpected.Count > 0)))
        {
            throw new StateDictMismatchException(GetType().Name, source.Name, missing, unexpected, misShaped);
        }
        foreach (var (key, target) in own)
        {
            if (present.Contains(key))
            {
                source.CopyTo(key, target.Span);
            }
        }
        foreach (var (_, module) in NamedModules())
        {
            module.OnStateChanged();
        }
        if (!Training)
        {
            FoldBatchNorm();
        }
    }

    private static bool IsIgnored(string key) =>
        key == "num_batches_tracked" || key.EndsWith(".num_batches_tracked", StringComparison.Ordinal);
}
