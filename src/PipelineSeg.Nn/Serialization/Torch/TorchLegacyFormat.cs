using System.Numerics;

namespace PipelineSeg.Nn;

/// <summary>
/// The legacy torch.save stream (before PyTorch 1.6, or <c>_use_new_zipfile_serialization=False</c>): pickles of the
/// magic number, protocol version 1001 and system info, then the object, then the list of storage keys, then per key an
/// int64 element count and the raw little-endian elements.
/// </summary>
internal static class TorchLegacyFormat
{
    private static readonly BigInteger Magic = BigInteger.Parse("119547037146038801333356", System.Globalization.CultureInfo.InvariantCulture);

    public static object? Read(byte[] file)
    {
        var reader = new PickleReader(file);
        var plain = new RestrictedUnpickler(reader, new TorchPickleEnvironment((_, _, _, _) => throw new InvalidDataException("storage outside the object pickle")));
        if (plain.Load() is not BigInteger magic || magic != Magic)
        {
            throw new InvalidDataException("legacy torch file without the torch magic number");
        }
        if (plain.Load() is not 1001L)
        {
            throw new InvalidDataException("legacy torch file with an unknown protocol version");
        }
        if (plain.Load() is PickleDict info && info.TryGetValue("little_endian", out var little) && little is false)
        {
            throw new InvalidDataException("big-endian torch files are not supported");
        }
        var data = new Dictionary<string, (int Offset, int Length)>(StringComparer.Ordinal);
        var roots = new Dictionary<string, TorchStorage>(StringComparer.Ordinal);
        var environment = new TorchPickleEnvironment((type, key, count, pid) =>
        {
            if (!roots.TryGetValue(key, out var root))
            {
                root = new TorchStorage(type.ScalarType, key, count, () => Slice(file, data, key));
                roots[key] = root;
            }
            // view_metadata (view_key, offset, size): a storage sharing its root's bytes.
            return pid.Count > 5 && pid[5] is PickleTuple view
                ? root.View(view[0] as string ?? key, PickleValues.Int(view[1], "view offset"), PickleValues.Int(view[2], "view size"))
                : root;
        });
        var result = new RestrictedUnpickler(reader, environment).Load();
        if (plain.Load() is not List<object?> keys)
        {
            throw new InvalidDataException("legacy torch file without its storage key list");
        }
        foreach (var key in keys.Select(k => k as string ?? throw new InvalidDataException("storage keys must be strings")))
        {
            var count = reader.Int64();
            var size = roots.TryGetValue(key, out var root) ? TorchStorage.ElementSize(root.ScalarType) : throw new InvalidDataException($"storage '{key}' is never referenced");
            var offset = reader.Position;
            reader.Take(checked(count * size));
            data[key] = (offset, checked((int)(count * size)));
        }
        return result;
    }

    private static byte[] Slice(byte[] file, Dictionary<string, (int Offset, int Length)> data, string key) =>
        data.TryGetValue(key, out var at) ? file.AsSpan(at.Offset, at.Length).ToArray() : throw new InvalidDataException($"storage '{key}' has no data");
}
