using PipelineSeg.Host.Intake;
using PipelineSeg.Host.Intake.Storage;
using PipelineSeg.Host.Options;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace PipelineSeg.Host.Tests.Intake;

public sealed class IntakeNamesTests
{
    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void Inputs_are_named_by_id_and_by_path_only_when_asked(bool logFullPaths)
    {
        using var service = new ServiceFixture();
        var export = new IntakeSource(IntakeSourceKind.ExportFolder, Path.Combine(service.Inbox, "DOE^JOHN"), service.Inbox, service.Watch);
        var names = new IntakeNames(MsOptions.Create(new ServiceOptions { LogFullPaths = logFullPaths }), new InputIds(service.Directories));
        var text = names.Describe(export);

        Assert.StartsWith("export-", text, StringComparison.Ordinal);
        Assert.Equal(logFullPaths, text.Contains("DOE^JOHN", StringComparison.Ordinal));
    }
}
