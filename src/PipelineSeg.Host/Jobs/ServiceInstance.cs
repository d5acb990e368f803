using Microsoft.Extensions.Options;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Jobs;

/// <summary>This service instance's owner name in the journal (<c>Service:InstanceName</c>, else the machine name).</summary>
internal sealed class ServiceInstance(IOptions<ServiceOptions> options)
{
    /// <summary>The owner name: stable across restarts, so a restart takes back exactly its own unfinished jobs.</summary>
    public string Name => string.IsNullOrWhiteSpace(options.Value.InstanceName) ? Environment.MachineName : options.Value.InstanceName;
}
