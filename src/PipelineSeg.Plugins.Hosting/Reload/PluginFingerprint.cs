using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PipelineSeg.Plugins.Hosting;

/// <summary>
/// What a plugin folder looks like on disk, cheaply: every file's relative path, length and last write time, hashed.
/// A changed fingerprint (new weights, a new version) makes the folder due for a reload; contents are hashed only then.
/// </summary>
internal static class PluginFingerprint
{
    /// <summary>Fingerprints of every plugin folder under <paramref name="root"/>, by full path; empty when root is missing.</summary>
    public static Dictionary<string, string> Scan(string root)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
        {
            return result;
        }
        foreach (var dir in Directory.EnumerateDirectories(root))
        {
            try
            {
                result[dir] = Of(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A folder being written or removed right now: its next scan sees it settled.
                result[dir] = $"unreadable:{e.Message}";
            }
        }
        return result;
    }

    private static string Of(string dir)
    {
        var text = new StringBuilder();
        foreach (var file in new DirectoryInfo(dir).EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal))
        {
            text.Append(Path.GetRelativePath(dir, file.FullName)).Append('|')
                .Append(file.Length.ToString(CultureInfo.InvariantCulture)).Append('|')
                .Append(file.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
