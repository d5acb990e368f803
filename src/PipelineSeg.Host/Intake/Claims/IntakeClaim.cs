namespace PipelineSeg.Host.Intake.Claims;

/// <summary>The answer to a claim: process into <see cref="OutputFolder"/>, or skip for <see cref="Reason"/>.</summary>
/// <param name="Granted">True when the item is to be processed now.</param>
/// <param name="OutputFolder">The item's output folder (absolute).</param>
/// <param name="Reason">Why the item is skipped; null when granted.</param>
internal sealed record IntakeClaim(bool Granted, string OutputFolder, string? Reason)
{
    /// <summary>Process the item into <paramref name="outputFolder"/>.</summary>
    public static IntakeClaim Grant(string outputFolder) => new(true, outputFolder, null);

    /// <summary>Skip the item, saying why.</summary>
    public static IntakeClaim Refuse(string outputFolder, string reason) => new(false, outputFolder, reason);
}
