using System.Security.Cryptography;
using System.Text;

namespace PipelineSeg.Host.Intake.Storage;

/// <summary>
/// Short, stable ids for inputs, used as output folder names and in logs instead of input names (exports are often
/// named after the patient). Keyed (HMAC-SHA256 under a random key kept in <c>state/</c>), so an id cannot be matched
/// against a list of hashed names; the key survives restarts, so an input keeps its id and is not processed twice.
/// </summary>
internal sealed class InputIds(ServiceDirectories directories)
{
    private const string KeyFileName = "input-ids.key";
    private readonly Lock _gate = new();
    private byte[]? _key;

    /// <summary>Id of an export folder of a watched folder: <c>export-</c> and 12 hex digits.</summary>
    public string ForExport(IntakeSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return "export-" + Hash($"export\n{source.WatchRoot}\n{Path.GetRelativePath(source.WatchRoot, source.Path)}");
    }

    /// <summary>Id of a series dropped as loose files, by SeriesInstanceUID: <c>series-</c> and 12 hex digits.</summary>
    public string ForSeries(IntakeSource source, string seriesInstanceUid)
    {
        ArgumentNullException.ThrowIfNull(source);
        return "series-" + Hash($"series\n{source.WatchRoot}\n{seriesInstanceUid}");
    }

    /// <summary>
    /// Name of a claimed input under work/ (then done/ or failed/): <paramref name="prefix"/>, '-' and 12 hex digits of
    /// the input's relative path and the claim time, so a later export of the same name gets a new name.
    /// </summary>
    public string ForClaim(string prefix, IntakeSource source, string what, DateTimeOffset when)
    {
        ArgumentNullException.ThrowIfNull(source);
        return $"{prefix}-" + Hash($"claim\n{source.WatchRoot}\n{what}\n{when.UtcTicks}");
    }

    /// <summary>Keyed hash of a set of SeriesInstanceUIDs (order-free), 16 hex digits: the journal's series identity.</summary>
    public string ForSeriesUids(IEnumerable<string> seriesInstanceUids)
    {
        ArgumentNullException.ThrowIfNull(seriesInstanceUids);
        var mac = HMACSHA256.HashData(Key(), Encoding.UTF8.GetBytes("uids\n" + string.Join('\n', seriesInstanceUids.Order(StringComparer.Ordinal))));
        return Convert.ToHexStringLower(mac.AsSpan(0, 8));
    }

    /// <summary>Id of loose files that belong to no readable series (by their names): <c>files-</c> and 12 hex digits.</summary>
    public string ForFiles(IntakeSource source, IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(source);
        return "files-" + Hash($"files\n{source.WatchRoot}\n{string.Join('\n', files.Select(Path.GetFileName).Order(StringComparer.Ordinal))}");
    }

    private string Hash(string text)
    {
        var mac = HMACSHA256.HashData(Key(), Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(mac.AsSpan(0, 6));
    }

    private byte[] Key()
    {
        lock (_gate)
        {
            return _key ??= LoadOrCreate(Path.Combine(directories.State, KeyFileName));
        }
    }

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllBytes(path);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Instances sharing a data directory (scale-out) may create it at the same moment: each writes its own
        // temporary file, the first rename wins and the others read the winner's key.
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temp, RandomNumberGenerator.GetBytes(32));
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }
        return File.ReadAllBytes(path);
    }
}
