namespace TestPlugins.Dependency;

/// <summary>A function the PrivateDependency plugin takes from its own dependency.</summary>
public static class Squash
{
    public static float Logistic(float v) => 1f / (1f + MathF.Exp(-v));
}
