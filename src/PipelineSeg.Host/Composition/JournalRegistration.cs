using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Intake.Storage;
using PipelineSeg.Host.Jobs;
using PipelineSeg.Host.Options;
using PipelineSeg.Jobs;
using PipelineSeg.Jobs.Postgres;
using PipelineSeg.Jobs.Sqlite;

namespace PipelineSeg.Host.Composition;

/// <summary>
/// The job journal and the folder layout, for <c>serve</c> and <c>jobs</c>. The provider is <c>Journal:Provider</c>
/// (validated at start-up): SQLite in <c>Journal:Path</c> under the data directory by default, or PostgreSQL at
/// <c>Journal:ConnectionString</c> for several instances on one inbox.
/// </summary>
internal static class JournalRegistration
{
    /// <summary>Registers <see cref="IJobJournal"/> and what reads or moves job folders.</summary>
    public static IHostApplicationBuilder AddPipelineSegJournal(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<WatchLayouts>();
        services.AddSingleton<ServiceDirectories>();
        services.AddSingleton<ServiceInstance>();
        // Journal:Provider is validated at start-up (JournalOptionsValidator).
        services.AddSingleton<IJobJournal>(sp =>
        {
            var journal = sp.GetRequiredService<IOptions<JournalOptions>>().Value;
            return string.Equals(journal.Provider, JournalOptions.PostgreSql, StringComparison.OrdinalIgnoreCase)
                ? new PostgresJobJournal(journal.ConnectionString!)
                : new SqliteJobJournal(sp.GetRequiredService<ServiceDirectories>().JournalFile);
        });
        services.AddSingleton<JobRetry>();
        return builder;
    }
}
