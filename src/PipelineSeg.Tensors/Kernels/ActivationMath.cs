using System.Runtime.CompilerServices;

namespace PipelineSeg.Tensors.Kernels;

/// <summary>Scalar epilogue math shared by the fast kernels' tails and the references.</summary>
internal static class ActivationMath
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Apply(float x, in Epilogue epilogue) => epilogue.Activation switch
    {
        FusedActivation.None => x,
        FusedActivation.Relu => x > 0f ? x : 0f,
        FusedActivation.LeakyRelu => x >= 0f ? x : x * epilogue.NegativeSlope,
        FusedActivation.Sigmoid => 1f / (1f + MathF.Exp(-x)),
        FusedActivation.Tanh => MathF.Tanh(x),
        _ => throw new ArgumentOutOfRangeException(nameof(epilogue), epilogue.Activation, "unknown activation"),
    };

    /// <summary>Adds <paramref name="bias"/> and applies the activation to a whole row in place.</summary>
    public static void BiasActivate(Span<float> row, float bias, in Epilogue epilogue)
    {
        switch (epilogue.Activation)
        {
            case FusedActivation.None:
                if (bias != 0f)
                {
                    System.Numerics.Tensors.TensorPrimitives.Add(row, bias, row);
                }
                break;
            case FusedActivation.Relu:
                System.Numerics.Tensors.TensorPrimitives.Add(row, bias, row);
                System.Numerics.Tensors.TensorPrimitives.Max(row, 0f, row);
                break;
            case FusedActivation.Sigmoid:
                System.Numerics.Tensors.TensorPrimitives.Add(row, bias, row);
                System.Numerics.Tensors.TensorPrimitives.Sigmoid(row, row);
                break;
            case FusedActivation.Tanh:
                System.Numerics.Tensors.TensorPrimitives.Add(row, bias, row);
                System.Numerics.Tensors.TensorPrimitives.Tanh(row, row);
                break;
            default:
                for (int i = 0; i < row.Length; i++)
                {
                    row[i] = Apply(row[i] + bias, epilogue);
                }
                break;
        }
    }
}
