using PipelineSeg.Tensors;

namespace PipelineSeg.Nn;

/// <summary>
/// Base of every layer and model, modelled on <c>torch.nn.Module</c>: children, parameters and persistent buffers are
/// registered by name in PyTorch's order, so <see cref="StateDict"/> keys match PyTorch's (<c>down.0.conv.1.weight</c>).
/// Unlike PyTorch, modules start in eval mode: this engine runs inference, and <see cref="Train"/> is the exception.
/// A module owns its parameters and buffers and disposes them (and its children) with itself. A module instance runs
/// one forward at a time (its convolutions hold prepared plans with scratch memory): use one instance per thread.
/// </summary>
public abstract partial class Module : IDisposable
{
    private readonly List<KeyValuePair<string, Module>> children = [];
    private readonly List<KeyValuePair<string, Tensor?>> parameters = [];
    private readonly List<Buffer> buffers = [];
    private bool disposed;

    /// <summary>True in training mode (dropout active, batch statistics in normalization layers).</summary>
    public bool Training { get; private set; }

    /// <summary>Runs the module on one input and returns a new tensor that the caller owns and disposes.</summary>
    /// <exception cref="NotSupportedException">The module (e.g. a <see cref="ModuleList"/>) has no single-input forward.</exception>
    public virtual Tensor Forward(Tensor input) =>
        throw new NotSupportedException($"{GetType().Name} has no single-tensor Forward; call its own Forward overloads or its children");

    /// <summary>
    /// Runs the module writing into <paramref name="output"/>, which may be a view into a larger buffer
    /// (e.g. a channel range of a concat tensor). Layers that can write in place override this; the default copies.
    /// </summary>
    public virtual void ForwardInto(Tensor input, Tensor output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var result = Forward(input);
        if (!result.Shape.SequenceEqual(output.Shape))
        {
            throw new ArgumentException($"{GetType().Name}: output buffer is {output}, the result is {result}", nameof(output));
        }
        result.CopyTo(output);
    }

    /// <summary>
    /// Applies the module in place on a tensor the caller owns (containers use it on their intermediates);
    /// returns false, leaving the tensor untouched, when the module cannot work in place.
    /// </summary>
    protected internal virtual bool TryForwardInPlace(Tensor tensor) => false;

    /// <summary>Direct children in registration order.</summary>
    public IEnumerable<KeyValuePair<string, Module>> NamedChildren() => children;

    /// <summary>This module and all descendants with their dotted names ("" for this one), depth first.</summary>
    public IEnumerable<KeyValuePair<string, Module>> NamedModules(string prefix = "")
    {
        yield return new(prefix, this);
        foreach (var (name, child) in children)
        {
            foreach (var item in child.NamedModules(Join(prefix, name)))
            {
                yield return item;
            }
        }
    }

    /// <summary>All parameters with their state-dict names (None parameters such as a missing bias are skipped).</summary>
    public IEnumerable<KeyValuePair<string, Tensor>> NamedParameters()
    {
        foreach (var (prefix, module) in NamedModules())
        {
            foreach (var (name, tensor) in module.parameters)
            {
                if (tensor is not null)
                {
                    yield return new(Join(prefix, name), tensor);
                }
            }
        }
    }

    /// <summary>All buffers (persistent or not) with their dotted names.</summary>
    public IEnumerable<KeyValuePair<string, Tensor>> NamedBuffers()
    {
        foreach (var (prefix, module) in NamedModules())
        {
            foreach (var buffer in module.buffers)
            {
                if (buffer.Tensor is not null)
                {
                    yield return new(Join(prefix, buffer.Name), buffer.Tensor);
                }
            }
        }
    }

    /// <summary>Number of parameter elements in this module and its descendants.</summary>
    public long ParameterCount() => NamedParameters().Sum(p => (long)p.Value.Length);

    /// <summary>Switches this module and its descendants to training (true) or eval (false) mode.</summary>
    public Module Train(bool mode = true)
    {
        foreach (var (_, module) in NamedModules())
        {
            if (module.Training != mode)
            {
                module.Training = mode;
                module.OnStateChanged();
            }
        }
        return this;
    }

    /// <summary>Switches to eval mode (the default) and folds BatchNorm into preceding convolutions where possible.</summary>
    public Module Eval()
    {
        Train(false);
        // Also picks up parameters edited in place through StateDict(): prepared plans are rebuilt on next use.
        foreach (var (_, module) in NamedModules())
        {
            module.OnStateChanged();
        }
        FoldBatchNorm();
        return this;
    }

    /// <summary>
    /// Folds eval-mode BatchNorm2d (and a following ReLU/LeakyReLU/Sigmoid/Tanh) into the preceding convolution in every
    /// <see cref="Sequential"/>; for custom modules use <see cref="Fusion.Fuse(ConvolutionBase, BatchNorm2d?, Module?)"/>.
    /// </summary>
    public void FoldBatchNorm()
    {
        foreach (var (_, module) in NamedModules())
        {
            module.OnFoldRequested();
        }
    }

    /// <summary>Disposes parameters, buffers and children.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Registers a child under <paramref name="name"/> (its state-dict prefix) and returns it.</summary>
    protected T RegisterModule<T>(string name, T module) where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        CheckName(name);
        children.Add(new(name, module));
        return module;
    }

    /// <summary>Registers a parameter; null (PyTorch's None, e.g. bias=False) keeps the name out of the state dict.</summary>
    protected Tensor? RegisterParameter(string name, Tensor? tensor)
    {
        CheckName(name);
        parameters.Add(new(name, tensor));
        return tensor;
    }

    /// <summary>Registers a buffer; persistent buffers appear in the state dict after the parameters.</summary>
    protected Tensor? RegisterBuffer(string name, Tensor? tensor, bool persistent = true)
    {
        CheckName(name);
        buffers.Add(new Buffer(name, tensor, persistent));
        return tensor;
    }

    /// <summary>Called after the mode changed or new weights were loaded: drop prepared plans and caches.</summary>
    protected virtual void OnStateChanged()
    {
    }

    /// <summary>Called by <see cref="FoldBatchNorm"/> on every module.</summary>
    protected virtual void OnFoldRequested()
    {
    }

    /// <summary>Releases plans, parameters, buffers and children.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposed || !disposing)
        {
            return;
        }
        disposed = true;
        foreach (var (_, t) in parameters)
        {
            t?.Dispose();
        }
        foreach (var b in buffers)
        {
            b.Tensor?.Dispose();
        }
        foreach (var (_, child) in children)
        {
            child.Dispose();
        }
    }

    private void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{GetType().Name}: invalid member name '{name}' (empty or containing '.')", nameof(name));
        }
        if (children.Exists(c => c.Key == name) || parameters.Exists(p => p.Key == name) || buffers.Exists(b => b.Name == name))
        {
            throw new ArgumentException($"{GetType().Name}: member '{name}' is already registered", nameof(name));
        }
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

    private sealed record Buffer(string Name, Tensor? Tensor, bool Persistent);
}
