using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Operations;

/// <summary>
/// The operations endpoint: a minimal ASP.NET Core host (Kestrel) started and stopped with <c>serve</c>. It is a web
/// application inside the service rather than the service inside a web application, so <c>batch</c> and the other
/// commands stay plain generic hosts and the endpoint's absence changes nothing else. Its routes read the service's own
/// singletons (health checks, metrics, journal) through <paramref name="services"/>; nothing it serves writes anything.
/// </summary>
internal sealed class OperationsServer(IServiceProvider services, IOptions<OperationsOptions> options, ILogger<OperationsServer> logger)
    : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The addresses bound, once started (a port of 0 resolved).</summary>
    public IReadOnlyList<string> Addresses { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return;
        }
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "pipelineseg", ContentRootPath = AppContext.BaseDirectory });
        // The service's logging stays the one configuration; Kestrel's own start-up lines would repeat ours.
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            switch (o.BindAddress)
            {
                case "localhost": k.ListenLocalhost(o.Port); break;
                case "*": k.ListenAnyIP(o.Port); break;
                default: k.Listen(IPAddress.Parse(o.BindAddress), o.Port); break;
            }
        });
        var app = builder.Build();
        OperationsRoutes.Map(app, services);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new OperationsEndpointException($"Operations:BindAddress '{o.BindAddress}' / Operations:Port {o.Port} cannot be bound: {e.Message}", e);
        }
        _app = app;
        Addresses = [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];
        OperationsLog.Listening(logger, string.Join(", ", Addresses));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }
    }
}
