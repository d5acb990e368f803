using System.Collections;
using System.Globalization;
using PipelineSeg.Tensors;

namespace PipelineSeg.Nn;

/// <summary>
/// torch.nn.Sequential: children named "0", "1", … (or given names), applied in order. Intermediates are disposed as
/// soon as they are consumed and element-wise children work on them in place. In eval mode, Conv → BatchNorm2d →
/// activation runs are fused into the convolution automatically.
/// </summary>
public sealed class Sequential : Module, IReadOnlyList<Module>
{
    private readonly List<Module> modules = [];
    private bool fusionChecked;

    /// <summary>An empty container; add children with <see cref="Append"/>.</summary>
    public Sequential()
    {
    }

    /// <summary>Children named by position.</summary>
    public Sequential(params Module[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var m in modules)
        {
            Append(m);
        }
    }

    /// <summary>Children with explicit names, like an OrderedDict in PyTorch.</summary>
    public Sequential(params (string Name, Module Module)[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var (name, m) in modules)
        {
            this.modules.Add(RegisterModule(name, m));
        }
    }

    /// <inheritdoc />
    public int Count => modules.Count;

    /// <inheritdoc />
    public Module this[int index] => modules[index];

    /// <summary>Adds a child named by its position.</summary>
    public Sequential Append(Module module)
    {
        modules.Add(RegisterModule(modules.Count.ToString(CultureInfo.InvariantCulture), module));
        fusionChecked = false;
        return this;
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        EnsureFusion();
        return Run(input, modules.Count);
    }

    /// <inheritdoc />
    public override void ForwardInto(Tensor input, Tensor output)
    {
        ArgumentNullException.ThrowIfNull(input);
        EnsureFusion();
        var last = modules.FindLastIndex(m => !IsPassThrough(m));
        if (last < 0)
        {
            input.CopyTo(output);
            return;
        }
        using var head = Run(input, last);
        modules[last].ForwardInto(head, output);
    }

    /// <inheritdoc />
    public IEnumerator<Module> GetEnumerator() => modules.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    protected override void OnStateChanged() => fusionChecked = false;

    /// <inheritdoc />
    protected override void OnFoldRequested()
    {
        if (Training)
        {
            return;
        }
        for (var i = 0; i < modules.Count; i++)
        {
            if (modules[i] is not ConvolutionBase conv || conv.FusedBatchNorm is not null || conv.FusedActivationModule is not null)
            {
                continue;
            }
            var bn = i + 1 < modules.Count ? modules[i + 1] as BatchNorm2d : null;
            if (bn is not null && !Fusion.CanFuse(conv, bn, null, out _))
            {
                continue;
            }
            var next = i + (bn is null ? 1 : 2);
            var act = next < modules.Count ? modules[next] as ActivationModule : null;
            if (act is not null && !Fusion.CanFuse(conv, bn, act, out _))
            {
                act = null;
            }
            if (bn is not null || act is not null)
            {
                Fusion.Fuse(conv, bn, act);
            }
        }
        fusionChecked = true;
    }

    private void EnsureFusion()
    {
        if (!Training && !fusionChecked)
        {
            OnFoldRequested();
        }
    }

    /// <summary>Runs children [0, count) and returns a tensor the caller owns; never writes into <paramref name="input"/>.</summary>
    private Tensor Run(Tensor input, int count)
    {
        var current = input.Share();
        try
        {
            for (var i = 0; i < count; i++)
            {
                // In place only on memory we made ourselves: pass-through children hand back views of the input.
                if (!current.SharesStorageWith(input) && modules[i].TryForwardInPlace(current))
                {
                    continue;
                }
                var next = modules[i].Forward(current);
                current.Dispose();
                current = next;
            }
            return current;
        }
        catch
        {
            current.Dispose();
            throw;
        }
    }

    private static bool IsPassThrough(Module m) =>
        m is BatchNorm2d { FoldedInto.FusionActive: true } or ActivationModule { FusedInto.FusionActive: true };
}
