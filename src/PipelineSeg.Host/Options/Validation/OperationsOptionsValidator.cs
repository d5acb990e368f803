using System.Net;
using Microsoft.Extensions.Options;

namespace PipelineSeg.Host.Options.Validation;

/// <summary>The endpoint's address must be one Kestrel can bind and its port a TCP port; checked even while disabled, so
/// turning it on later cannot be the first time a typo shows.</summary>
internal sealed class OperationsOptionsValidator : IValidateOptions<OperationsOptions>
{
    public ValidateOptionsResult Validate(string? name, OperationsOptions options)
    {
        var errors = new List<string>();
        if (!IsBindable(options.BindAddress))
        {
            errors.Add($"Operations:BindAddress '{options.BindAddress}' is not 'localhost', '*' or an IP address");
        }
        if (options.Port is < 0 or > 65535)
        {
            errors.Add($"Operations:Port {options.Port} is not a TCP port (1-65535, or 0 for any free port)");
        }
        if (options.DashboardJobs is < 1 or > 10_000)
        {
            errors.Add($"Operations:DashboardJobs {options.DashboardJobs} must be between 1 and 10000");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>The forms <see cref="Operations.OperationsServer"/> binds.</summary>
    public static bool IsBindable(string? address) =>
        address is "localhost" or "*" || (!string.IsNullOrWhiteSpace(address) && IPAddress.TryParse(address, out _));
}
