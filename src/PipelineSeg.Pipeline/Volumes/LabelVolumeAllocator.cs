using System.Runtime.InteropServices;
using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Slabs;

namespace PipelineSeg.Pipeline.Volumes;

/// <summary>
/// Allocates the pipeline's whole-volume label result. A 512×512×871 byte volume is 228 MB of fresh pages, which the
/// kernel hands out one 4 KiB fault at a time as the labeller first writes them (≈0.5–0.8 CPU-s here, in a VM where a
/// fault is expensive). On Linux the array's page-aligned interior is advised MADV_HUGEPAGE (2 MiB pages where the kernel
/// has them) and then prefaulted with MADV_POPULATE_WRITE (Linux 5.14+): one system call maps every page, ≈0.1 CPU-s.
/// Both are hints: a kernel that declines leaves ordinary faults. Elsewhere it is an ordinary zeroed array.
/// </summary>
internal static partial class LabelVolumeAllocator
{
    private const int MadvHugePage = 14;
    private const int MadvPopulateWrite = 23;
    private const long Page = 4096;
    private const long MinimumBytes = 4 * 1024 * 1024;

    /// <summary>A zero-filled byte volume on <paramref name="grid"/>.</summary>
    public static Volume<byte> Allocate(SlabGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var length = grid.Size.VoxelCount;
        if (length < MinimumBytes || !OperatingSystem.IsLinux())
        {
            return new Volume<byte>(grid.Size, grid.Geometry);
        }
        var data = GC.AllocateUninitializedArray<byte>(checked((int)length));
        Prefault(data);
        data.AsSpan().Clear(); // uninitialised: the GC may hand back a used region; pages already mapped, so no faults
        return new Volume<byte>(grid.Size, grid.Geometry, data);
    }

    private static unsafe void Prefault(byte[] data)
    {
        fixed (byte* start = data)
        {
            var first = ((long)start + Page - 1) & ~(Page - 1);
            var end = ((long)start + data.LongLength) & ~(Page - 1);
            try
            {
                _ = MAdvise((nint)first, (nuint)(end - first), MadvHugePage); // refused: ordinary pages
                _ = MAdvise((nint)first, (nuint)(end - first), MadvPopulateWrite); // refused (old kernel): faults on first write
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // no libc madvise: faults on first write, as for any array
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int MAdvise(nint address, nuint length, int advice);
}
