namespace PipelineSeg.Phantoms.Generation;

/// <summary>What the phantom holds at one point before blur and noise: attenuation and both label maps.</summary>
public readonly record struct TissueSample(double Hu, byte TaskLabel, byte AnatomyLabel)
{
    /// <summary>Air outside the patient.</summary>
    public static TissueSample Air { get; } = new(-1000, PhantomLabels.Background, PhantomLabels.Background);

    /// <summary>Unlabelled tissue of the given attenuation.</summary>
    public static TissueSample Unlabelled(double hu) => new(hu, PhantomLabels.Background, PhantomLabels.Background);
}
