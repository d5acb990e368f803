namespace PipelineSeg.Phantoms.Generation;

/// <summary>
/// Small deterministic random source (SplitMix64). Unlike <see cref="Random"/>, its sequence is fixed by this code,
/// so a seed gives the same phantom on every runtime and machine.
/// </summary>
public sealed class PhantomRandom
{
    private ulong _state;

    /// <summary>Creates a generator whose sequence is fully determined by <paramref name="seed"/>.</summary>
    public PhantomRandom(ulong seed) => _state = seed;

    /// <summary>Derives an independent stream, e.g. one per slice, so parallel work stays deterministic.</summary>
    public static PhantomRandom Derive(int seed, int stream) =>
        new(Mix(((ulong)(uint)seed << 32) ^ (ulong)(uint)stream ^ 0xA5A5_5A5A_D1B5_4A32UL));

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        _state += 0x9E37_79B9_7F4A_7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [min, max).</summary>
    public double Uniform(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>Uniform integer in [min, max).</summary>
    public int Next(int min, int max) => min + (int)(NextDouble() * (max - min));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Standard normal deviate (Box–Muller; one value per call keeps the stream simple).</summary>
    public double Normal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }
}
