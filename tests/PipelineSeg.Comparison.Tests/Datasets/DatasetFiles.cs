using PipelineSeg.Tensors;

namespace PipelineSeg.Comparison.Tests.Datasets;

/// <summary>Small labelled arrays written by the tests: 3 slices of 4 × 5 with known values.</summary>
internal static class DatasetFiles
{
    public const int Count = 3;
    public const int Height = 4;
    public const int Width = 5;

    /// <summary>Image value of slice n, row y, column x: distinct, in [0, 1].</summary>
    public static float Image(int n, int y, int x) => ((n * Height * Width) + (y * Width) + x) / 100f;

    /// <summary>Mask value: fractional values as a resized mask has them (0, .25, .5, .75, 1 by column).</summary>
    public static float Mask(int n, int y, int x) => x / 4f * (n == 2 ? 0 : 1);

    public static float[] Values(Func<int, int, int, float> value) =>
        [.. Enumerable.Range(0, Count).SelectMany(n => Enumerable.Range(0, Height).SelectMany(y => Enumerable.Range(0, Width).Select(x => value(n, y, x))))];

    /// <summary>x and y as N×H×W×1 float32 .npy (the Kaggle layout).</summary>
    public static void WriteNpy(string folder, string split)
    {
        NpyFile.Write(Path.Combine(folder, $"x_{split}.npy"), Values(Image), [Count, Height, Width, 1]);
        NpyFile.Write(Path.Combine(folder, $"y_{split}.npy"), Values(Mask), [Count, Height, Width, 1]);
    }
}
