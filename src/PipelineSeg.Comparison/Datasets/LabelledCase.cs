using PipelineSeg.Imaging;

namespace PipelineSeg.Comparison.Datasets;

/// <summary>One case of a labelled dataset, ready for the pipeline.</summary>
/// <param name="Id">Case name for tables: the file or folder name, or <c>&lt;file&gt;[index]</c> for a slice of an array.</param>
/// <param name="Image">Modality values (HU) on the case's grid.</param>
/// <param name="Truth">Ground truth on the same grid: 1 foreground, 0 background.</param>
/// <param name="Planar">A 2-D case (one slice of an array): surface distances are in-plane (medpy on a 2-D array).</param>
public sealed record LabelledCase(string Id, Volume<float> Image, Volume<byte> Truth, bool Planar);
