using PipelineSeg.Host.Intake;
using PipelineSeg.Host.Intake.Claims;
using PipelineSeg.Host.Intake.Processing;

namespace PipelineSeg.Host.Tests.Intake;

public sealed class OutputFolderClaimsTests
{
    [SkippableFact]
    public async Task An_item_with_a_newer_summary_is_refused_with_the_reason_and_a_changed_one_is_granted()
    {
        using var service = new ServiceFixture();
        var source = new IntakeSource(IntakeSourceKind.ExportFolder, Path.Combine(service.Inbox, "e"), service.Inbox, service.Watch);
        var stamp = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var item = new IntakeItem("export-0123456789ab", source, null, stamp);
        var claims = new OutputFolderClaims();

        var first = await claims.ClaimAsync(item, CancellationToken.None);
        Assert.True(first.Granted);
        Assert.Equal(Path.Combine(service.Watch.Output, item.Id), first.OutputFolder);

        var summary = Path.Combine(Directory.CreateDirectory(first.OutputFolder).FullName, "batch-summary.json");
        File.WriteAllText(summary, "{}");
        File.SetLastWriteTimeUtc(summary, stamp.AddMinutes(1));
        var again = await claims.ClaimAsync(item, CancellationToken.None);
        Assert.False(again.Granted);
        Assert.Contains("already processed", again.Reason, StringComparison.Ordinal);

        Assert.True((await claims.ClaimAsync(item with { Stamp = stamp.AddMinutes(2) }, CancellationToken.None)).Granted);
    }
}
