using System.Runtime.InteropServices;
using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Slabs;

namespace PipelineSeg.Pipeline.Volumes;

/// <summary>
/// Allocates the pipeline's whole-volume label result. A 512×512×871 byte volume is 228 MB of fresh pages, which the
/// kernel hands out one 4 KiB fault at a time as the labeller first writes them (≈0.5–0.8 CPU-s here, in a VM where a
/// fault is expensive). On Linux the array (zeroed by the GC, which does not touch memory fresh from the OS) is advised
/// MADV_HUGEPAGE (2 MiB pages where the kernel has them), and each slab's slices are prefaulted with
/// MADV_POPULATE_WRITE (Linux 5.14+) just before they are labelled: one system call per slab, so the cost is spread
/// over the run instead of stalling the first slab. Both are hints: a kernel that declines leaves ordinary faults.
/// Elsewhere it is an ordinary zeroed array.
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
        var volume = new Volume<byte>(grid.Size, grid.Geometry);
        if (Advisable(volume.Array.LongLength))
        {
            Advise(volume.Array, 0, volume.Array.LongLength, MadvHugePage);
        }
        return volume;
    }

    /// <summary>Maps the pages of slices <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1 in one call, before they are written.</summary>
    public static void Prefault(Volume<byte> volume, int first, int count)
    {
        ArgumentNullException.ThrowIfNull(volume);
        if (Advisable(volume.Array.LongLength))
        {
            var plane = (long)volume.Size.X * volume.Size.Y;
            Advise(volume.Array, first * plane, count * plane, MadvPopulateWrite);
        }
    }

    private static bool Advisable(long bytes) => bytes >= MinimumBytes && OperatingSystem.IsLinux();

    private static unsafe void Advise(byte[] data, long offset, long length, int advice)
    {
        fixed (byte* start = data)
        {
            var first = ((long)start + offset + Page - 1) & ~(Page - 1);
            var end = ((long)start + offset + length) & ~(Page - 1);
            if (end <= first)
            {
                return;
            }
            try
            {
                _ = MAdvise((nint)first, (nuint)(end - first), advice); // refused (old kernel): ordinary pages and faults
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
