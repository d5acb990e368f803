using PipelineSeg.Imaging;

namespace PipelineSeg.Pipeline.Postprocessing;

/// <summary>Binary masks of label values in a label map, for the component and metric code that works on masks.</summary>
internal static class ClassMask
{
    /// <summary>A mask like <paramref name="labels"/>: 1 where the label is one of <paramref name="values"/>, else 0.</summary>
    public static Volume<byte> Of(Volume<byte> labels, IEnumerable<byte> values)
    {
        // A 256-entry table: one array load per voxel instead of a delegate call or hash lookup.
        var include = new bool[256];
        foreach (var value in values)
        {
            include[value] = true;
        }
        var mask = labels.CreateLike<byte>();
        var src = labels.Array;
        var dst = mask.Array;
        for (var i = 0; i < src.Length; i++)
        {
            dst[i] = include[src[i]] ? (byte)1 : (byte)0;
        }
        return mask;
    }
}
