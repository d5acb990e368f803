using System.Security.Cryptography;
using System.Text;

namespace PipelineSeg.Host.Intake.Claims;

/// <summary>SHA-256 over an input folder: every file's path relative to the folder and its bytes, in ordinal order.</summary>
internal static class ContentHash
{
    /// <summary>Lowercase hex digest of <paramref name="folder"/>.</summary>
    public static async Task<string> OfFolderAsync(string folder, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        foreach (var file in InputFiles.Under(folder).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, file) + "\0"));
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
