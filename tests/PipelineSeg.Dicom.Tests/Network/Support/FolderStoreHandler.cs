using System.Collections.Concurrent;
using PipelineSeg.Dicom.Network.Association;
using PipelineSeg.Dicom.Network.Dimse;
using PipelineSeg.Dicom.Network.Scp;

namespace PipelineSeg.Dicom.Tests.Network.Support;

/// <summary>Keeps received instances under a folder (series/sop.dcm) and records how each association ended.</summary>
internal sealed class FolderStoreHandler(string folder) : IDicomStoreHandler
{
    public ConcurrentQueue<(AssociationInfo Association, AssociationEnd End)> Ends { get; } = new();

    public ConcurrentQueue<ReceivedInstance> Stored { get; } = new();

    public ValueTask<ushort> StoreAsync(AssociationInfo association, ReceivedInstance instance, CancellationToken cancellationToken)
    {
        var target = Path.Combine(folder, instance.SeriesInstanceUid, instance.SopInstanceUid + ".dcm");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(instance.Path, target, overwrite: true);
        Stored.Enqueue(instance with { Path = target });
        return ValueTask.FromResult(DimseStatus.Success);
    }

    public ValueTask AssociationEndedAsync(AssociationInfo association, AssociationEnd end, CancellationToken cancellationToken)
    {
        Ends.Enqueue((association, end));
        return ValueTask.CompletedTask;
    }
}
