using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PipelineSeg.Host.Composition;
using PipelineSeg.Host.Intake.Storage;
using PipelineSeg.Host.Jobs;
using PipelineSeg.Jobs;
using PipelineSeg.Pipeline.Outputs;

namespace PipelineSeg.Host.Cli;

/// <summary>
/// <c>pipelineseg jobs [--state S] [--json]</c> lists the service's job journal; <c>pipelineseg jobs retry ID</c>
/// re-queues a failed job (its input back from failed/ to work/). The journal is found as <c>serve</c> finds it: from
/// <c>--config</c>, or from the quick-start <c>--inbox</c>/<c>--output</c> flags given to <c>serve</c>.
/// </summary>
internal sealed class JobsCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var inbox = new Option<DirectoryInfo?>("--inbox") { Description = "The --inbox given to serve (with --output; or use --config)", Recursive = true };
        var output = new Option<DirectoryInfo?>("--output", "-o") { Description = "The --output given to serve", Recursive = true };
        var state = new Option<string?>("--state") { Description = "Only jobs in this state: queued, running, succeeded, failed" };
        state.AcceptOnlyFromAmong("queued", "running", "succeeded", "failed");
        var json = CliOptions.Json();
        var command = new Command("jobs", "List the service's jobs (journal in Service:DataDirectory), or re-queue a failed one with 'jobs retry ID'")
        {
            inbox, output, state, json,
        };
        command.SetAction((parse, cancellationToken) => Run(context, parse, parse.GetValue(inbox), parse.GetValue(output), async (host, ct) =>
        {
            var file = host.Services.GetRequiredService<ServiceDirectories>().JournalFile;
            if (!File.Exists(file))
            {
                // Not created here: a mistyped --output must not leave a stray journal behind.
                await context.Error.WriteLineAsync($"no job journal at {file} (has serve run with this configuration?)").ConfigureAwait(false);
            }
            var jobs = File.Exists(file)
                ? await host.Services.GetRequiredService<IJobJournal>().ListAsync(JobStates.Parse(parse.GetValue(state)), ct).ConfigureAwait(false)
                : [];
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(jobs.Select(Row), ReportJson.Options)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            await context.Out.WriteLineAsync("id\tstate\tattempts\tseries\tinput\tpipeline\tversion\tenqueued\tfinished\terror").ConfigureAwait(false);
            foreach (var j in jobs)
            {
                await context.Out.WriteLineAsync(string.Join('\t', j.Id.ToString(CultureInfo.InvariantCulture), JobStates.Name(j.State),
                    j.Attempts.ToString(CultureInfo.InvariantCulture), j.Request.SeriesUidHash, j.Request.WorkName, j.Request.Pipeline, j.Request.PipelineVersion,
                    j.EnqueuedUtc.ToString("u", CultureInfo.InvariantCulture), j.FinishedUtc?.ToString("u", CultureInfo.InvariantCulture) ?? "-", j.Error ?? "-")).ConfigureAwait(false);
            }
            await context.Error.WriteLineAsync($"{jobs.Count} job(s)").ConfigureAwait(false);
            return ExitCodes.Ok;
        }, cancellationToken));

        var id = new Argument<long>("ID") { Description = "Job id (first column of 'pipelineseg jobs')" };
        var retry = new Command("retry", "Re-queue a failed job: its input moves from failed/ back to work/ and a running service processes it again") { id };
        retry.SetAction((parse, cancellationToken) => Run(context, parse, parse.GetValue(inbox), parse.GetValue(output), async (host, ct) =>
        {
            var refused = await host.Services.GetRequiredService<JobRetry>().RetryAsync(parse.GetValue(id), ct).ConfigureAwait(false);
            if (refused is not null)
            {
                await context.Error.WriteLineAsync($"not retried: {refused}").ConfigureAwait(false);
                return ExitCodes.InputsFailed;
            }
            await context.Out.WriteLineAsync($"job {parse.GetValue(id)} re-queued").ConfigureAwait(false);
            return ExitCodes.Ok;
        }, cancellationToken));
        command.Subcommands.Add(retry);
        return command;
    }

    private static async Task<int> Run(CliContext context, ParseResult parse, DirectoryInfo? inbox, DirectoryInfo? output,
        Func<Microsoft.Extensions.Hosting.IHost, CancellationToken, Task<int>> run, CancellationToken cancellationToken)
    {
        var (overrides, usage) = ServeCommand.QuickStart(inbox, output, null, null);
        if (usage is not null)
        {
            await context.Error.WriteLineAsync($"usage error: {usage}").ConfigureAwait(false);
            return ExitCodes.UsageOrConfiguration;
        }
        return await CommandHost.RunAsync(context, parse, overrides, b => b.AddPipelineSegJournal(), run, cancellationToken).ConfigureAwait(false);
    }

    private static object Row(JobRecord j) => new
    {
        j.Id,
        State = JobStates.Name(j.State),
        j.Attempts,
        SeriesUidHash = j.Request.SeriesUidHash,
        j.Request.ContentHash,
        Input = j.Request.WorkName,
        Origin = j.Request.Origin,
        j.Request.Pipeline,
        j.Request.PipelineVersion,
        j.Request.ModelVersion,
        j.Owner,
        Enqueued = j.EnqueuedUtc,
        NotBefore = j.NotBeforeUtc,
        Started = j.StartedUtc,
        Finished = j.FinishedUtc,
        j.Error,
    };
}
