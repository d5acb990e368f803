namespace PipelineSeg.Nn;

public abstract partial class Module
{
    /// <summary>
    /// Turns Monte-Carlo dropout on: every Dropout/Dropout2d below stays active in eval mode, each with its own generator
    /// seeded from <paramref name="seed"/> and its position, so repeated runs with the same seed give the same samples.
    /// </summary>
    public void EnableMonteCarloDropout(int seed)
    {
        var index = 0;
        foreach (var (_, module) in NamedModules())
        {
            if (module is DropoutBase dropout)
            {
                dropout.SetMonteCarlo(unchecked(seed * 7919 + index++));
            }
        }
    }

    /// <summary>Turns Monte-Carlo dropout off again: dropout is the identity in eval mode.</summary>
    public void DisableMonteCarloDropout()
    {
        foreach (var (_, module) in NamedModules())
        {
            if (module is DropoutBase dropout)
            {
                dropout.SetMonteCarlo(null);
            }
        }
    }
}
