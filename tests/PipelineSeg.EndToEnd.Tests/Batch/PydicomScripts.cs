namespace PipelineSeg.EndToEnd.Tests.Batch;

/// <summary>Reference checks run with Debian's pydicom.</summary>
internal static class PydicomScripts
{
    /// <summary>
    /// argv: SEG file, folder of the source CT slices. Checks rows, columns, pixel spacing, orientation and each frame's
    /// position against the source instance the frame derives from, and that every source instance is referenced.
    /// </summary>
    public const string CompareSegWithSource = """
import os, sys
import pydicom

seg = pydicom.dcmread(sys.argv[1])
sources = {}
for name in os.listdir(sys.argv[2]):
    ds = pydicom.dcmread(os.path.join(sys.argv[2], name), stop_before_pixels=True)
    sources[ds.SOPInstanceUID] = ds

def close(a, b, tol=1e-3):
    return len(a) == len(b) and all(abs(float(x) - float(y)) <= tol for x, y in zip(a, b))

first = next(iter(sources.values()))
assert seg.Modality == "SEG" and seg.SegmentationType == "BINARY", "not a BINARY SEG"
assert (seg.Rows, seg.Columns) == (first.Rows, first.Columns), f"size {seg.Rows}x{seg.Columns} vs {first.Rows}x{first.Columns}"
shared = seg.SharedFunctionalGroupsSequence[0]
assert close(shared.PixelMeasuresSequence[0].PixelSpacing, first.PixelSpacing), "pixel spacing differs"
assert close(shared.PlaneOrientationSequence[0].ImageOrientationPatient, first.ImageOrientationPatient, 1e-4), "orientation differs"
assert seg.FrameOfReferenceUID == first.FrameOfReferenceUID, "frame of reference differs"
referenced = {i.ReferencedSOPInstanceUID for s in seg.ReferencedSeriesSequence for i in s.ReferencedInstanceSequence}
assert referenced == set(sources), f"references {len(referenced)} of {len(sources)} source instances"
frames = seg.PerFrameFunctionalGroupsSequence
assert len(frames) == int(seg.NumberOfFrames), "per-frame groups != frames"
for i, f in enumerate(frames):
    uid = f.DerivationImageSequence[0].SourceImageSequence[0].ReferencedSOPInstanceUID
    src = sources[uid]
    pos = f.PlanePositionSequence[0].ImagePositionPatient
    assert close(pos, src.ImagePositionPatient), f"frame {i + 1}: position {list(pos)} vs source {list(src.ImagePositionPatient)}"
pixels = seg.pixel_array
assert pixels.shape[-2:] == (first.Rows, first.Columns), f"pixel array {pixels.shape}"
print("OK", len(frames), "frames")
""";
}
