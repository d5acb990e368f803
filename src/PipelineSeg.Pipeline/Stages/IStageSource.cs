namespace PipelineSeg.Pipeline.Stages;

/// <summary>Makes a pipeline's inputs one at a time on the side thread of <see cref="StageThreads{TInput, TOutput}"/>, which disposes it at the end.</summary>
/// <typeparam name="TInput">A model input.</typeparam>
internal interface IStageSource<out TInput> : IDisposable
    where TInput : class
{
    /// <summary>The next input, or null when there is none.</summary>
    TInput? Next();
}
