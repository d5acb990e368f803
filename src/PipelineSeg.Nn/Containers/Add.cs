using PipelineSeg.Tensors;
using PipelineSeg.Tensors.Operations;

namespace PipelineSeg.Nn;

/// <summary>Element-wise sum of two equally shaped tensors (residual connections).</summary>
public sealed class Add : Module
{
    /// <summary>Returns a + b as a new tensor.</summary>
    public static Tensor Forward(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        var output = Tensor.Empty(a.Shape);
        try
        {
            Activations.Add(a, b, output);
            return output;
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    /// <summary>a += b.</summary>
    public static void InPlace(Tensor a, Tensor b)
    {
        Activations.Add(a, b, a);
    }
}
