using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Tests.Applicability;

/// <summary>Model cards and series facts for the applicability tests.</summary>
internal static class Cards
{
    /// <summary>A CT abdomen card with a four-bin histogram over [0, 1].</summary>
    public static IntendedUse Abdomen(double[]? frequencies = null, double maxDistance = 0.05) => new()
    {
        Summary = "test abdomen",
        ResearchOnly = true,
        Modalities = ["CT"],
        BodyParts = ["ABDOMEN"],
        Planes = ["axial"],
        InPlaneSpacingMm = new ValueRange { Min = 1, Max = 3 },
        SliceThicknessMm = new ValueRange { Min = 2, Max = 5 },
        FieldOfViewMm = new ValueRange { Min = 300, Max = 420 },
        Intensity = new IntensityHistogram { Min = 0, Max = 1, Frequencies = frequencies ?? [0.25, 0.25, 0.25, 0.25], MaxDistance = maxDistance },
        Segments =
        [
            new SegmentExpectation { Label = "liver", VolumeMl = new ValueRange { Min = 1, Max = 10 }, Components = new CountRange { Min = 1, Max = 1 }, AlwaysPresent = true },
            new SegmentExpectation { Label = "lesion", Components = new CountRange { Min = 0, Max = 2 } },
        ],
    };

    /// <summary>Facts inside <see cref="Abdomen"/>.</summary>
    public static Pipeline.Applicability.SeriesFacts Facts(string modality = "CT", double spacing = 1.5) =>
        new(modality, "ABDOMEN", [], "FFS", "axial", spacing, 3, 384);

    /// <summary>The classes of the test models: background, liver, lesion.</summary>
    public static IReadOnlyList<SegmentClass> Classes { get; } =
    [
        new SegmentClass { Index = 0, Label = "background", IsBackground = true },
        new SegmentClass { Index = 1, Label = "liver" },
        new SegmentClass { Index = 2, Label = "lesion" },
    ];
}
