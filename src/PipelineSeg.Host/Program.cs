using PipelineSeg.Host.Cli;

// Composition root: the command tree lives in Cli/, hosting in Hosting/, options in Options/.
return await CliApplication.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
