namespace PipelineSeg.Phantoms.Generation;

/// <summary>
/// Label values of the phantom ground truth. The task map holds only <see cref="Background"/>, <see cref="Liver"/> and
/// <see cref="Lesion"/>; the anatomy map adds the other structures so other models can be trained on the same phantoms.
/// </summary>
public static class PhantomLabels
{
    /// <summary>Everything that is not labelled.</summary>
    public const byte Background = 0;

    /// <summary>Liver parenchyma including intrahepatic vessels (as in common liver ground truths).</summary>
    public const byte Liver = 1;

    /// <summary>Liver lesion (always inside the liver).</summary>
    public const byte Lesion = 2;

    /// <summary>Anatomy map only: vertebrae (body, arch, spinous process).</summary>
    public const byte Spine = 3;

    /// <summary>Anatomy map only: both kidneys.</summary>
    public const byte Kidney = 4;

    /// <summary>Anatomy map only: spleen.</summary>
    public const byte Spleen = 5;

    /// <summary>Anatomy map only: aorta.</summary>
    public const byte Aorta = 6;

    /// <summary>Names in label order, as written into metadata and DICOM-SEG segment labels.</summary>
    public static IReadOnlyList<string> Names { get; } = ["background", "liver", "lesion", "spine", "kidney", "spleen", "aorta"];

    /// <summary>Number of classes in the task map (background, liver, lesion).</summary>
    public const int TaskClassCount = 3;
}
