using Microsoft.Extensions.Logging;
using PipelineSeg.Dicom.Network.Association;
using PipelineSeg.Dicom.Network.Dimse;
using PipelineSeg.Dicom.Network.Scp;
using PipelineSeg.Host.Intake;

namespace PipelineSeg.Host.Network.Listener;

/// <summary>
/// The hook between the receiver and the folder intake. Instances of a series are collected in a hidden staging
/// folder inside the inbox; when the association is released, or the series has been idle for
/// <c>DicomListener:SeriesIdleTimeout</c>, the folder gets the intake's marker file (<c>Intake:MarkerFile</c>, <c>.complete</c> by default,
/// holding the calling AE title, see <see cref="ArrivalMarker"/>) and is renamed into the
/// inbox in one step, so the intake sees a whole series at once and need not wait for its quiet period. An aborted
/// association's series are discarded: a sender whose transfer broke off sends the series again, and half a series
/// must never be segmented.
/// </summary>
internal sealed class InboxSeriesStore(ListenerSettings settings, TimeProvider time, ILogger<InboxSeriesStore> logger) : IDicomStoreHandler
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Association, string Series), StagedSeries> _series = [];
    private int _counter;

    /// <summary>Series being received now.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _series.Count;
            }
        }
    }

    public ValueTask<ushort> StoreAsync(AssociationInfo association, ReceivedInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(association);
        ArgumentNullException.ThrowIfNull(instance);
        lock (_gate)
        {
            var key = (association.Id, instance.SeriesInstanceUid);
            if (!_series.TryGetValue(key, out var series))
            {
                var name = $"dicom-{association.Id}-{++_counter:D4}";
                series = new StagedSeries(Path.Combine(settings.Staging, name), name, association.CallingAeTitle, time.GetUtcNow());
                Directory.CreateDirectory(series.Folder);
                _series[key] = series;
            }
            // Instance UIDs are digits and dots; anything else (a hostile sender) gets a neutral name.
            var fileName = instance.SopInstanceUid.Length <= 64 && instance.SopInstanceUid.All(c => char.IsAsciiDigit(c) || c == '.')
                ? instance.SopInstanceUid : $"{Guid.NewGuid():N}";
            File.Move(instance.Path, Path.Combine(series.Folder, fileName + ".dcm"), overwrite: true);
            series.Count++;
            series.LastArrival = time.GetUtcNow();
        }
        return ValueTask.FromResult(DimseStatus.Success);
    }

    public ValueTask AssociationEndedAsync(AssociationInfo association, AssociationEnd end, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(association);
        lock (_gate)
        {
            foreach (var key in _series.Keys.Where(k => k.Association == association.Id).ToList())
            {
                var series = _series[key];
                _series.Remove(key);
                if (end == AssociationEnd.Released)
                {
                    Publish(series, "association released");
                }
                else
                {
                    Directory.Delete(series.Folder, recursive: true);
                    NetworkLog.SeriesDiscarded(logger, series.Name, series.Count, series.CallingAeTitle);
                }
            }
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Publishes series idle for the timeout (their association is still open); returns how many.</summary>
    public int PublishIdle()
    {
        var now = time.GetUtcNow();
        var published = 0;
        lock (_gate)
        {
            foreach (var (key, series) in _series.Where(s => now - s.Value.LastArrival >= settings.SeriesIdleTimeout).ToList())
            {
                _series.Remove(key);
                Publish(series, $"idle for {settings.SeriesIdleTimeout.TotalSeconds:0.#} s");
                published++;
            }
        }
        return published;
    }

    /// <summary>Removes staging left by a crash (never published, so never complete) and prepares the folder.</summary>
    public void ClearStaging()
    {
        if (Directory.Exists(settings.Staging))
        {
            Directory.Delete(settings.Staging, recursive: true);
        }
        Directory.CreateDirectory(settings.Staging);
    }

    private void Publish(StagedSeries series, string why)
    {
        try
        {
            // The marker carries the sender's AE title for the CallingAeTitle routing condition.
            ArrivalMarker.Write(Path.Combine(series.Folder, settings.MarkerFile), series.CallingAeTitle);
            Directory.Move(series.Folder, Path.Combine(settings.Inbox, series.Name));
            NetworkLog.SeriesPublished(logger, series.Name, series.Count, series.CallingAeTitle, why);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            NetworkLog.PublishFailed(logger, series.Name, e.Message);
        }
    }
}
