using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Options;
using PipelineSeg.Host.Options.Validation;

namespace PipelineSeg.Host.Composition;

/// <summary>Binds every options class from configuration and validates it at start-up (ValidateOnStart).</summary>
internal static class OptionsRegistration
{
    /// <summary>Registers the options of all concerns.</summary>
    public static IHostApplicationBuilder AddPipelineSegOptions(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        Add<PluginsOptions>(services, PluginsOptions.Section);
        Add<InferenceOptions>(services, InferenceOptions.Section);
        Add<OutputOptions>(services, OutputOptions.Section);
        Add<IntakeOptions>(services, IntakeOptions.Section);
        Add<ScheduleOptions>(services, ScheduleOptions.Section);
        Add<HealthOptions>(services, HealthOptions.Section);
        Add<ServiceOptions>(services, ServiceOptions.Section);
        Add<JournalOptions>(services, JournalOptions.Section);
        Add<RetryOptions>(services, RetryOptions.Section);
        Add<JobsOptions>(services, JobsOptions.Section);
        Add<OperationsOptions>(services, OperationsOptions.Section);
        Add<RoutingOptions>(services, RoutingOptions.Section);
        // Pipelines:<name> maps straight onto the dictionary (no extra "Definitions" level in the JSON).
        services.AddOptions<PipelinesOptions>()
            .Configure<IConfiguration>((o, c) => c.GetSection(PipelinesOptions.Section).Bind(o.Definitions))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PipelinesOptions>, PipelinesOptionsValidator>();
        services.AddSingleton<IValidateOptions<InferenceOptions>, InferenceOptionsValidator>();
        services.AddSingleton<IValidateOptions<OutputOptions>, OutputOptionsValidator>();
        services.AddSingleton<IValidateOptions<IntakeOptions>, IntakeOptionsValidator>();
        services.AddSingleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>();
        services.AddSingleton<IValidateOptions<JournalOptions>, JournalOptionsValidator>();
        services.AddSingleton<IValidateOptions<RetryOptions>, RetryOptionsValidator>();
        services.AddSingleton<IValidateOptions<OperationsOptions>, OperationsOptionsValidator>();
        services.AddSingleton<IValidateOptions<RoutingOptions>, RoutingOptionsValidator>();
        return builder;
    }

    private static void Add<T>(IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
