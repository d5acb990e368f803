using System.Text.Json;
using System.Text.Json.Serialization;

namespace PipelineSeg.Comparison.Datasets;

/// <summary>
/// Reads <c>compare --data PATH</c>: a dataset.json file, a folder holding one, or a folder of NumPy pairs
/// <c>x_&lt;split&gt;.npy</c> / <c>y_&lt;split&gt;.npy</c> (HU values, 1 mm pixels) described without one.
/// </summary>
public static class DatasetDescriptionReader
{
    /// <summary>The file name looked for in a folder.</summary>
    public const string FileName = "dataset.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>The description at <paramref name="path"/>, validated.</summary>
    /// <exception cref="InvalidDataException">Unreadable or invalid; the message names the file and every problem.</exception>
    public static async Task<DatasetDescription> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            var inFolder = Path.Combine(full, FileName);
            if (File.Exists(inFolder))
            {
                full = inFolder;
            }
            else
            {
                return NpyPairs(full);
            }
        }
        else if (!File.Exists(full))
        {
            throw new InvalidDataException($"{full}: no such file or folder");
        }
        DatasetDescription? description;
        try
        {
            await using var stream = File.OpenRead(full);
            description = await JsonSerializer.DeserializeAsync<DatasetDescription>(stream, Json, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{full}: not a valid dataset description: {e.Message}", e);
        }
        if (description is null)
        {
            throw new InvalidDataException($"{full}: empty dataset description");
        }
        description.Root = Path.GetDirectoryName(full)!;
        description.Source = full;
        return Validated(description);
    }

    // A folder of x_<split>.npy / y_<split>.npy pairs needs no description: HU values, 1 mm pixels, mask ≥ 0.5.
    private static DatasetDescription NpyPairs(string folder)
    {
        var splits = new Dictionary<string, SplitSource>(StringComparer.OrdinalIgnoreCase);
        foreach (var x in Directory.GetFiles(folder, "x_*.npy").Order(StringComparer.Ordinal))
        {
            var split = Path.GetFileNameWithoutExtension(x)[2..];
            var y = Path.Combine(folder, $"y_{split}.npy");
            if (File.Exists(y))
            {
                splits[split] = new SplitSource { Images = Path.GetFileName(x), Masks = Path.GetFileName(y) };
            }
        }
        if (splits.Count == 0)
        {
            throw new InvalidDataException($"{folder}: no {FileName} and no x_<split>.npy / y_<split>.npy pairs");
        }
        return Validated(new DatasetDescription { Format = DatasetFormat.Npy, Splits = splits, Root = folder, Source = folder });
    }

    private static DatasetDescription Validated(DatasetDescription description)
    {
        var errors = description.Validate();
        return errors.Count == 0
            ? description
            : throw new InvalidDataException($"{description.Source}: {string.Join("; ", errors)}");
    }
}
