namespace PipelineSeg.Bench;

/// <summary>One benchmark subcommand; discovered by reflection so each area adds its own file.</summary>
internal interface IBenchmark
{
    /// <summary>Subcommand name, e.g. "unet" or "gemm".</summary>
    string Name { get; }

    /// <summary>One line shown by --help.</summary>
    string Description { get; }

    /// <summary>Runs the benchmark with the arguments after the subcommand; returns the exit code.</summary>
    int Run(string[] args);
}
