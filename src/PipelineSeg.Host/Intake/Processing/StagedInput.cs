namespace PipelineSeg.Host.Intake.Processing;

/// <summary>An item staged for the batch; disposing removes the staging, never the input.</summary>
/// <param name="Path">Folder the batch reads.</param>
/// <param name="Staging">What to remove afterwards; null when the input is read in place.</param>
internal sealed record StagedInput(string Path, string? Staging) : IDisposable
{
    public void Dispose()
    {
        if (Staging is not null)
        {
            WorkArea.Remove(Staging);
        }
    }
}
