using PipelineSeg.Host.Composition;

namespace PipelineSeg.Host.Network.Delivery;

/// <summary>Copies results into <c>&lt;Path&gt;/&lt;job&gt;/</c>, each file under a temporary name first, then renamed.</summary>
internal sealed class FolderDestination(DestinationOptions options) : IResultDestination
{
    private readonly string _root = AppPaths.Resolve(options.Path!);

    public string Name => options.Name;

    public string Describe() => $"{options.Name} (folder {_root})";

    public async Task SendAsync(string job, IReadOnlyList<string> files, Func<IReadOnlyList<string>, Task> sent, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, job)).FullName;
        foreach (var file in files)
        {
            var target = Path.Combine(folder, Path.GetFileName(file));
            var temp = Path.Combine(folder, $".{Path.GetFileName(file)}.{Guid.NewGuid():N}.tmp");
            var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            await using (source.ConfigureAwait(false))
            {
                var copy = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                await using (copy.ConfigureAwait(false))
                {
                    await source.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
                }
            }
            File.Move(temp, target, overwrite: true);
            await sent([file]).ConfigureAwait(false);
        }
    }
}
