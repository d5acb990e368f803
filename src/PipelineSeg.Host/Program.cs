using PipelineSeg.Host.Cli;

// Entry point only: commands in Cli/, registrations in Composition/, the service runtime in Intake/ (+ Health/, Jobs/),
// settings in Options/.
return await CliApplication.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
