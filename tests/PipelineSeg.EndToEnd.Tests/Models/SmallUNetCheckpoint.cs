namespace PipelineSeg.EndToEnd.Tests.Models;

/// <summary>One small U-Net reference checkpoint shared by a test class, written on first use (so a missing torch
/// skips the tests that need it instead of failing the fixture).</summary>
public sealed class SmallUNetCheckpoint : IDisposable
{
    public const string Parameters = """{"preset":"variant","in_channels":1,"out_channels":2,"depth":2,"base_width":4}""";

    private readonly Lazy<ReferenceCheckpoint> checkpoint = new(() => ReferenceCheckpoint.Write("unet", Parameters, "1,1,16,16"));

    internal ReferenceCheckpoint Checkpoint => checkpoint.Value;

    public void Dispose()
    {
        if (checkpoint.IsValueCreated)
        {
            checkpoint.Value.Dispose();
        }
    }
}
