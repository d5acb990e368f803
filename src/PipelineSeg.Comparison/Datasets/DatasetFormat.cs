namespace PipelineSeg.Comparison.Datasets;

/// <summary>How a labelled dataset is stored (dataset.json <c>format</c>).</summary>
public enum DatasetFormat
{
    /// <summary>NumPy x/y pairs: N×H×W, N×H×W×1 or N×1×H×W arrays, one 2-D case per slice.</summary>
    Npy,

    /// <summary>HDF5 file with named image and mask datasets, shaped like <see cref="Npy"/>.</summary>
    Hdf5,

    /// <summary>Two folders of NIfTI volumes paired by file name, one 3-D case per pair.</summary>
    Nifti,

    /// <summary>One DICOM series per case folder, ground truth as DICOM-SEG, mask series or NIfTI.</summary>
    Dicom,
}
