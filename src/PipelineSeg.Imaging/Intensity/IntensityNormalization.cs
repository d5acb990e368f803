using System.Numerics.Tensors;

namespace PipelineSeg.Imaging.Intensity;

/// <summary>CT windowing and intensity normalisation of float volumes, in place.</summary>
public static class IntensityNormalization
{
    /// <summary>
    /// CT window: clips to [level − width/2, level + width/2] and maps that range linearly to [outMin, outMax]
    /// (e.g. level 40, width 400 for soft tissue/liver).
    /// </summary>
    public static void Window(Span<float> values, double level, double width, float outMin = 0, float outMax = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        var lo = (float)(level - (width / 2));
        var hi = (float)(level + (width / 2));
        TensorPrimitives.Max(values, lo, values);
        TensorPrimitives.Min(values, hi, values);
        var scale = (outMax - outMin) / (hi - lo);
        TensorPrimitives.Subtract(values, lo, values);
        TensorPrimitives.Multiply(values, scale, values);
        TensorPrimitives.Add(values, outMin, values);
    }

    /// <summary>(v − mean) / std over all voxels, or over voxels where <paramref name="mask"/> is non-zero; std 0 gives 0.</summary>
    public static (double Mean, double Std) ZScore(Span<float> values, ReadOnlySpan<byte> mask = default)
    {
        double sum = 0, sumSq = 0;
        long n = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (!mask.IsEmpty && mask[i] == 0)
            {
                continue;
            }
            double v = values[i];
            sum += v;
            sumSq += v * v;
            n++;
        }
        if (n == 0)
        {
            return (0, 0);
        }
        var mean = sum / n;
        var std = Math.Sqrt(Math.Max(0, (sumSq / n) - (mean * mean)));
        TensorPrimitives.Subtract(values, (float)mean, values);
        if (std > 0)
        {
            TensorPrimitives.Multiply(values, (float)(1 / std), values);
        }
        return (mean, std);
    }

    /// <summary>Maps [min, max] of the values to [outMin, outMax]; a constant volume becomes outMin.</summary>
    public static (float Min, float Max) MinMax(Span<float> values, float outMin = 0, float outMax = 1)
    {
        if (values.IsEmpty)
        {
            return (0, 0);
        }
        var min = TensorPrimitives.Min(values);
        var max = TensorPrimitives.Max(values);
        if (max == min)
        {
            values.Fill(outMin);
            return (min, max);
        }
        var scale = (outMax - outMin) / (max - min);
        TensorPrimitives.Subtract(values, min, values);
        TensorPrimitives.Multiply(values, scale, values);
        TensorPrimitives.Add(values, outMin, values);
        return (min, max);
    }
}
