using Microsoft.Extensions.Options;

namespace PipelineSeg.Host.Options.Validation;

/// <summary>The journal provider is one this build knows, with its SQLite path or PostgreSQL connection string.</summary>
internal sealed class JournalOptionsValidator : IValidateOptions<JournalOptions>
{
    /// <summary>Providers this build can open (see Composition/JournalRegistration).</summary>
    public static readonly IReadOnlyList<string> Providers = [JournalOptions.Sqlite, JournalOptions.PostgreSql];

    public ValidateOptionsResult Validate(string? name, JournalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!Providers.Contains(options.Provider, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"Journal:Provider '{options.Provider}' is not known (known: {string.Join(", ", Providers)})");
        }
        if (string.Equals(options.Provider, JournalOptions.Sqlite, StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(options.Path))
        {
            errors.Add("Journal:Path is required for the Sqlite provider");
        }
        if (string.Equals(options.Provider, JournalOptions.PostgreSql, StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            errors.Add("Journal:ConnectionString is required for the PostgreSQL provider (e.g. PIPELINESEG_Journal__ConnectionString=\"Host=…;Database=…;Username=…\")");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
