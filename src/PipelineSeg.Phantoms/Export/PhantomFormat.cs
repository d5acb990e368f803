namespace PipelineSeg.Phantoms.Export;

/// <summary>File formats the phantom exporter writes.</summary>
public enum PhantomFormat
{
    /// <summary>A CT series (one file per slice) plus a ground-truth DICOM-SEG, as a PACS export.</summary>
    Dicom,

    /// <summary>NIfTI-1 volumes (.nii.gz): CT in HU and the label maps.</summary>
    Nifti,

    /// <summary>NumPy arrays (.npy) plus meta.json, for training scripts.</summary>
    Npy,
}
