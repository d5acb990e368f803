using System.Collections.Concurrent;
using PipelineSeg.Dicom.Network.Association;
using PipelineSeg.Dicom.Network.Dimse;
using PipelineSeg.Dicom.Network.Scp;

namespace PipelineSeg.Host.Tests.Network;

/// <summary>A receiving end that counts each SOP instance it got and refuses the ones the test names (A700).</summary>
internal sealed class CountingStoreHandler : IDicomStoreHandler
{
    public ConcurrentDictionary<string, int> Received { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, bool> Refuse { get; } = new(StringComparer.Ordinal);

    public ValueTask<ushort> StoreAsync(AssociationInfo association, ReceivedInstance instance, CancellationToken cancellationToken)
    {
        if (Refuse.ContainsKey(instance.SopInstanceUid))
        {
            return ValueTask.FromResult(DimseStatus.OutOfResources);
        }
        Received.AddOrUpdate(instance.SopInstanceUid, 1, (_, n) => n + 1);
        return ValueTask.FromResult(DimseStatus.Success);
    }

    public ValueTask AssociationEndedAsync(AssociationInfo association, AssociationEnd end, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
