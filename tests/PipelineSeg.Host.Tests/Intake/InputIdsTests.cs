using PipelineSeg.Host.Intake;
using PipelineSeg.Host.Intake.Storage;

namespace PipelineSeg.Host.Tests.Intake;

public sealed class InputIdsTests
{
    [SkippableFact]
    public void An_export_id_is_short_stable_across_restarts_and_does_not_reveal_the_folder_name()
    {
        using var service = new ServiceFixture();
        var export = new IntakeSource(IntakeSourceKind.ExportFolder, Path.Combine(service.Inbox, "DOE^JOHN"), service.Inbox, service.Watch);
        var other = export with { Path = Path.Combine(service.Inbox, "DOE^JANE") };

        var id = new InputIds(service.Directories).ForExport(export);
        Assert.Matches("^export-[0-9a-f]{12}$", id);
        Assert.DoesNotContain("DOE", id, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(id, new InputIds(service.Directories).ForExport(export)); // the key in state/ survives a restart
        Assert.NotEqual(id, new InputIds(service.Directories).ForExport(other));
    }

    [SkippableFact]
    public void Ids_are_keyed_per_installation_so_a_list_of_hashed_names_does_not_match_them()
    {
        using var first = new ServiceFixture();
        using var second = new ServiceFixture();
        var source = new IntakeSource(IntakeSourceKind.LooseFiles, "/in", "/in", first.Watch);
        Assert.NotEqual(new InputIds(first.Directories).ForSeries(source, "1.2.3"), new InputIds(second.Directories).ForSeries(source, "1.2.3"));
    }
}
