namespace PipelineSeg.Nn;

/// <summary>
/// The allow-list for torch.save state dicts: <c>collections.OrderedDict</c>, <c>torch._utils._rebuild_tensor_v2</c> /
/// <c>_rebuild_tensor</c> / <c>_rebuild_parameter</c>, the typed storage classes (<c>torch.FloatStorage</c> …) and
/// <c>torch.Size</c>. Any other global is refused by name. Storages come from persistent ids through
/// <paramref name="storages"/>, which is given (storage type, key, element count, legacy view info).
/// </summary>
internal sealed class TorchPickleEnvironment(Func<TorchStorageType, string, long, PickleTuple, TorchStorage> storages) : IPickleEnvironment
{
    private static readonly PickleFunction OrderedDict = new("collections.OrderedDict", args => args.Count == 0
        ? new PickleDict()
        : throw new UnpicklingRefusedException("pickle: collections.OrderedDict is only built empty and filled by SETITEMS"));

    private static readonly PickleFunction RebuildTensorV2 = new("torch._utils._rebuild_tensor_v2", args => RebuildTensor(args, 6));

    private static readonly PickleFunction RebuildTensorV1 = new("torch._utils._rebuild_tensor", args => RebuildTensor(args, 4));

    // _rebuild_parameter(data, requires_grad, backward_hooks[, state]): the parameter is its data for inference.
    private static readonly PickleFunction RebuildParameter = new("torch._utils._rebuild_parameter", args =>
        args.Count >= 1 && args[0] is TorchTensorReference t ? t : throw new InvalidDataException("pickle: _rebuild_parameter needs a tensor"));

    private static readonly PickleFunction Size = new("torch.Size", args =>
        args.Count == 1 && args[0] is PickleTuple dims ? dims : throw new InvalidDataException("pickle: torch.Size needs one tuple"));

    private readonly Dictionary<string, TorchStorage> loaded = new(StringComparer.Ordinal);

    /// <summary>Storages referenced so far, by key.</summary>
    public IReadOnlyDictionary<string, TorchStorage> Storages => loaded;

    public IPickleCallable ResolveGlobal(string module, string name)
    {
        var full = $"{module}.{name}";
        return full switch
        {
            "collections.OrderedDict" => OrderedDict,
            "torch._utils._rebuild_tensor_v2" => RebuildTensorV2,
            "torch._utils._rebuild_tensor" => RebuildTensorV1,
            "torch._utils._rebuild_parameter" or "torch._utils._rebuild_parameter_with_state" => RebuildParameter,
            "torch.Size" => Size,
            _ when module == "torch" && TorchStorageType.Known.TryGetValue(name, out var type) => new TorchStorageType(full, type),
            _ => throw new UnpicklingRefusedException(
                $"pickle global '{full}' is not allowed: a state dict file may only use collections.OrderedDict, torch._utils._rebuild_tensor_v2, "
                + "torch._utils._rebuild_parameter, torch.Size and torch.*Storage (nothing in the file was executed)"),
        };
    }

    public object PersistentLoad(object? id)
    {
        // ('storage', storage_type, key, location, numel[, view_metadata])
        var pid = id as PickleTuple;
        if (pid is null || pid.Count < 5 || pid[0] as string != "storage")
        {
            throw new UnpicklingRefusedException($"pickle persistent id {PickleValues.Describe(id)} is not a torch storage reference");
        }
        var type = pid[1] as TorchStorageType
            ?? throw new UnpicklingRefusedException($"pickle persistent id names storage type {PickleValues.Describe(pid[1])}, not a torch.*Storage");
        var key = pid[2] as string ?? throw new InvalidDataException("pickle: storage key must be a string");
        if (!loaded.TryGetValue(key, out var storage))
        {
            storage = storages(type, key, PickleValues.Int(pid[4], "storage size"), pid);
            loaded[key] = storage;
        }
        return storage;
    }

    private static TorchTensorReference RebuildTensor(PickleTuple args, int minimum)
    {
        if (args.Count < minimum - 2 || args[0] is not TorchStorage storage)
        {
            throw new InvalidDataException($"pickle: tensor rebuild needs (storage, offset, size, stride, …), got {args}");
        }
        var offset = PickleValues.Int(args[1], "storage offset");
        var size = PickleValues.Ints(args[2], "tensor size");
        var stride = PickleValues.Ints(args[3], "tensor stride");
        return new TorchTensorReference(storage, offset, size.Select(d => checked((int)d)).ToArray(), stride);
    }
}
