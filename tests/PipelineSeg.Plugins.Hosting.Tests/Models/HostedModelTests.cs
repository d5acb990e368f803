using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Hosting.Tests.Models;

/// <summary>The host's wrapper around a plugin's model hides nothing of the contract.</summary>
public sealed class HostedModelTests
{
    [SkippableFact]
    public void Every_member_of_the_model_contract_is_passed_through_not_left_to_its_default()
    {
        // A default interface member (e.g. Critic => null) left unimplemented would silently drop what the plugin offers.
        var map = typeof(HostedModel).GetInterfaceMap(typeof(ISegmentationModel));
        var defaulted = map.TargetMethods.Where(m => m.DeclaringType != typeof(HostedModel)).Select(m => m.Name).ToList();
        Assert.Empty(defaulted);
    }
}
