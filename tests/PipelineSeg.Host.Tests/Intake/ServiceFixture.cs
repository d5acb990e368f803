using PipelineSeg.Host.Intake.Storage;
using PipelineSeg.Host.Options;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace PipelineSeg.Host.Tests.Intake;

/// <summary>A fresh temporary service layout: a watched folder, an output and a data directory.</summary>
internal sealed class ServiceFixture : IDisposable
{
    public ServiceFixture()
    {
        Root = TestPaths.NewTempDirectory("service");
        Watch = new WatchFolderOptions { Path = Path.Combine(Root, "in"), Output = Path.Combine(Root, "out") };
        var intake = new IntakeOptions();
        intake.WatchFolders.Add(Watch);
        Directories = new ServiceDirectories(MsOptions.Create(new ServiceOptions()), MsOptions.Create(intake), MsOptions.Create(new HealthOptions()));
        Directories.CreateAll();
    }

    public string Root { get; }

    public WatchFolderOptions Watch { get; }

    public ServiceDirectories Directories { get; }

    public string Inbox => Watch.Path;

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
