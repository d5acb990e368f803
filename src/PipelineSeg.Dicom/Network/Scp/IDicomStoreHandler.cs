using PipelineSeg.Dicom.Network.Association;

namespace PipelineSeg.Dicom.Network.Scp;

/// <summary>Where received instances go (the service hands them to its intake).</summary>
public interface IDicomStoreHandler
{
    /// <summary>
    /// Takes ownership of <paramref name="instance"/>'s file (move it; a file left behind is deleted) and returns the
    /// C-STORE status to answer with (<see cref="Dimse.DimseStatus"/>).
    /// </summary>
    ValueTask<ushort> StoreAsync(AssociationInfo association, ReceivedInstance instance, CancellationToken cancellationToken);

    /// <summary>The association ended; <paramref name="end"/> says whether the sender released it or it broke off.</summary>
    ValueTask AssociationEndedAsync(AssociationInfo association, AssociationEnd end, CancellationToken cancellationToken);
}
