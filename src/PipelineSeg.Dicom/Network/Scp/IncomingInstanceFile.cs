using PipelineSeg.Dicom.Network.Dimse;

namespace PipelineSeg.Dicom.Network.Scp;

/// <summary>
/// One C-STORE data set being received: written as it arrives behind a Part 10 header into a hidden temporary file,
/// then checked by parsing its header. Only a whole, parseable instance becomes a <see cref="ReceivedInstance"/>;
/// anything else is deleted, so nothing partial leaves the incoming folder.
/// </summary>
internal sealed class IncomingInstanceFile : IAsyncDisposable
{
    private readonly FileStream _stream;
    private readonly long _maxBytes;
    private bool _kept;

    public IncomingInstanceFile(string directory, string sopClass, string sopInstance, string transferSyntax, string callingAe, long maxBytes)
    {
        Directory.CreateDirectory(directory);
        Path = System.IO.Path.Combine(directory, $".{Guid.NewGuid():N}.part");
        SopClass = sopClass;
        SopInstance = sopInstance;
        TransferSyntax = transferSyntax;
        _maxBytes = maxBytes;
        _stream = new FileStream(Path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        DicomWriter.WriteFileMetaInformation(_stream, sopClass, sopInstance, transferSyntax, callingAe);
    }

    public string Path { get; }

    public string SopClass { get; }

    public string SopInstance { get; }

    public string TransferSyntax { get; }

    /// <summary>Appends a fragment; false when the instance would exceed the size limit.</summary>
    public async ValueTask<bool> AppendAsync(ReadOnlyMemory<byte> fragment, CancellationToken cancellationToken)
    {
        if (_stream.Length + fragment.Length > _maxBytes)
        {
            return false;
        }
        await _stream.WriteAsync(fragment, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Closes the file and parses its header: the instance, or the failure status and why.</summary>
    public async Task<(ReceivedInstance? Instance, ushort Status, string? Problem)> CompleteAsync()
    {
        await _stream.FlushAsync().ConfigureAwait(false);
        var length = _stream.Length;
        await _stream.DisposeAsync().ConfigureAwait(false);
        try
        {
            using var file = DicomFile.Open(Path, DicomReadOptions.HeaderOnly);
            var data = file.Dataset;
            var instance = data.GetString(DicomTags.SOPInstanceUID);
            var series = data.GetString(DicomTags.SeriesInstanceUID);
            if (string.IsNullOrEmpty(series))
            {
                return (null, DimseStatus.CannotUnderstand, "the data set has no Series Instance UID");
            }
            if (!string.Equals(instance, SopInstance, StringComparison.Ordinal))
            {
                return (null, DimseStatus.DataSetDoesNotMatchSopClass, "the data set's SOP Instance UID differs from the command's");
            }
            _kept = true;
            return (new ReceivedInstance(Path, SopClass, SopInstance, TransferSyntax, data.GetString(DicomTags.StudyInstanceUID) ?? string.Empty,
                series, length), DimseStatus.Success, null);
        }
        catch (DicomException e)
        {
            return (null, DimseStatus.CannotUnderstand, e.Reason);
        }
    }

    /// <summary>Deletes the file unless it became a received instance (then the handler owns it).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        if (!_kept)
        {
            File.Delete(Path);
        }
    }
}
