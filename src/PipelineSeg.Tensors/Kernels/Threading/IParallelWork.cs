namespace PipelineSeg.Tensors.Kernels;

/// <summary>A job split into independent tasks that <see cref="WorkerPool"/> may run on several threads.</summary>
internal interface IParallelWork
{
    /// <summary>Runs task <paramref name="index"/>; tasks of one job touch disjoint outputs.</summary>
    void Execute(int index);
}
