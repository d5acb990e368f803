using System.IO.Compression;

namespace PipelineSeg.Nn;

/// <summary>The zip layout of torch.save (PyTorch ≥ 1.6): <c>NAME/data.pkl</c>, <c>NAME/data/KEY</c> per storage,
/// optionally <c>NAME/byteorder</c>.</summary>
internal static class TorchZipFormat
{
    public static object? Read(ZipArchive zip)
    {
        var pickle = zip.Entries.Where(e => e.FullName.EndsWith("data.pkl", StringComparison.Ordinal) && e.FullName.Count(c => c == '/') <= 1)
            .OrderBy(e => e.FullName.Length).FirstOrDefault()
            ?? throw new InvalidDataException("zip archive without data.pkl: not a torch.save file");
        var prefix = pickle.FullName[..^"data.pkl".Length];
        if (zip.GetEntry(prefix + "byteorder") is { } order && ReadAll(order) is var text && System.Text.Encoding.ASCII.GetString(text) != "little")
        {
            throw new InvalidDataException("big-endian torch files are not supported");
        }
        var environment = new TorchPickleEnvironment((type, key, count, _) =>
        {
            var entry = zip.GetEntry($"{prefix}data/{key}") ?? throw new InvalidDataException($"storage '{key}' has no entry {prefix}data/{key}");
            return new TorchStorage(type.ScalarType, key, count, () => ReadAll(entry));
        });
        return new RestrictedUnpickler(new PickleReader(ReadAll(pickle)), environment).Load();
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        if (entry.Length > Array.MaxLength)
        {
            throw new InvalidDataException($"zip entry {entry.FullName} is too large ({entry.Length} bytes)");
        }
        var bytes = new byte[entry.Length];
        using var stream = entry.Open();
        stream.ReadExactly(bytes);
        return bytes;
    }
}
