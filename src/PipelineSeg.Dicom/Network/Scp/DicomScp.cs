using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Microsoft.Extensions.Logging;
using PipelineSeg.Dicom.Network.Association;
using PipelineSeg.Dicom.Network.Tls;

namespace PipelineSeg.Dicom.Network.Scp;

/// <summary>
/// The DICOM listener: C-ECHO and C-STORE SCP. Each connection runs on its own task; at most
/// <see cref="DicomScpSettings.MaxAssociations"/> are served, the next ones get A-ASSOCIATE-RJ (transient), and past
/// twice the limit a connection is closed at once (a flood costs us a socket, not a task per attempt). Errors in one
/// association never reach another or the listener.
/// </summary>
public sealed class DicomScp : IAsyncDisposable
{
    private readonly DicomScpSettings _settings;
    private readonly IDicomStoreHandler _handler;
    private readonly ILogger _logger;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _running = [];
    private int _active;
    private int _refusing;
    private Task? _acceptLoop;

    /// <summary>Creates the listener (not yet listening).</summary>
    public DicomScp(DicomScpSettings settings, IDicomStoreHandler handler, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _handler = handler;
        _logger = logger;
        _listener = new TcpListener(settings.EndPoint);
    }

    /// <summary>Where it listens (the actual port when 0 was configured).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>Associations being served now.</summary>
    public int ActiveAssociations => Volatile.Read(ref _active);

    /// <summary>Binds and starts accepting connections.</summary>
    /// <exception cref="SocketException">The address or port cannot be bound.</exception>
    public void Start()
    {
        Directory.CreateDirectory(_settings.IncomingDirectory);
        foreach (var stale in Directory.EnumerateFiles(_settings.IncomingDirectory, ".*.part"))
        {
            File.Delete(stale); // left by a crash mid-transfer: never a whole instance
        }
        _listener.Start();
        ScpLog.Listening(_logger, _settings.Policy.AeTitle, LocalEndPoint, _settings.MaxAssociations, _settings.Policy.MaxPduLength);
        _acceptLoop = AcceptLoopAsync(_stop.Token);
    }

    /// <summary>Stops accepting, aborts open associations and waits for them to end.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        Task[] running;
        lock (_gate)
        {
            running = [.. _running];
        }
        await Task.WhenAll(running).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _listener.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                ScpLog.AcceptFailed(_logger, e.Message);
                continue;
            }
            Track(ServeAsync(client, cancellationToken));
        }
    }

    private void Track(Task task)
    {
        lock (_gate)
        {
            _running.Add(task);
        }
        task.ContinueWith(t =>
        {
            lock (_gate)
            {
                _running.Remove(t);
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var remote = client.Client.RemoteEndPoint;
        client.NoDelay = true;
        var active = Interlocked.Increment(ref _active);
        var overLimit = active > _settings.MaxAssociations;
        if (overLimit)
        {
            Interlocked.Decrement(ref _active);
            if (Interlocked.Increment(ref _refusing) > _settings.MaxAssociations)
            {
                Interlocked.Decrement(ref _refusing);
                client.Dispose();
                return;
            }
        }
        try
        {
            var connection = new DicomConnection(_settings.Tls is { } tls ? await SecureAsync(client, tls, cancellationToken).ConfigureAwait(false) : client.GetStream());
            await using (connection.ConfigureAwait(false))
            {
                var association = new ScpAssociation(connection, remote, _settings, _handler, _logger);
                if (overLimit)
                {
                    await association.RefuseAsync(active - 1, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await association.RunAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (AuthenticationException e)
        {
            ScpLog.TlsRefused(_logger, remote, e.InnerException?.Message ?? e.Message);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            ScpLog.ConnectionClosed(_logger, remote, e.Message);
        }
        finally
        {
            client.Dispose();
            Interlocked.Decrement(ref overLimit ? ref _refusing : ref _active);
        }
    }

    // The handshake counts against ARTIM: a caller that never completes it is closed like one that never associates.
    private async Task<Stream> SecureAsync(TcpClient client, TlsServerSettings tls, CancellationToken cancellationToken)
    {
        var ssl = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
        using var artim = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        artim.CancelAfter(_settings.Timeouts.Artim);
        try
        {
            await ssl.AuthenticateAsServerAsync(tls.Options(), artim.Token).ConfigureAwait(false);
            return ssl;
        }
        catch
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
