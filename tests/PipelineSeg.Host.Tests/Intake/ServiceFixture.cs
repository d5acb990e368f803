using PipelineSeg.Host.Intake.Storage;
using PipelineSeg.Host.Options;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace PipelineSeg.Host.Tests.Intake;

/// <summary>A fresh temporary service layout: a watched folder (with work/, done/, failed/ beside it), an output and a data directory.</summary>
internal sealed class ServiceFixture : IDisposable
{
    public ServiceFixture()
    {
        Root = TestPaths.NewTempDirectory("service");
        Watch = new WatchFolderOptions { Path = Path.Combine(Root, "in"), Output = Path.Combine(Root, "out") };
        var intake = new IntakeOptions();
        intake.WatchFolders.Add(Watch);
        Intake = MsOptions.Create(intake);
        Layouts = new WatchLayouts(Intake);
        Directories = new ServiceDirectories(MsOptions.Create(new ServiceOptions()), Intake, MsOptions.Create(new HealthOptions()),
            MsOptions.Create(new JournalOptions()), Layouts);
        Directories.CreateAll();
    }

    public string Root { get; }

    public WatchFolderOptions Watch { get; }

    public ServiceDirectories Directories { get; }

    public Microsoft.Extensions.Options.IOptions<IntakeOptions> Intake { get; }

    public WatchLayouts Layouts { get; }

    public WatchLayout Layout => Layouts.All[0];

    public string Inbox => Watch.Path;

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
