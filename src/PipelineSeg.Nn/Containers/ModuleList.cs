using System.Collections;
using System.Globalization;

namespace PipelineSeg.Nn;

/// <summary>torch.nn.ModuleList: children named "0", "1", …; no Forward of its own, the owner iterates it.</summary>
public sealed class ModuleList : Module, IReadOnlyList<Module>
{
    private readonly List<Module> modules = [];

    /// <summary>Children named by position.</summary>
    public ModuleList(params Module[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var m in modules)
        {
            Append(m);
        }
    }

    /// <inheritdoc />
    public int Count => modules.Count;

    /// <inheritdoc />
    public Module this[int index] => modules[index];

    /// <summary>Adds a child named by its position.</summary>
    public ModuleList Append(Module module)
    {
        modules.Add(RegisterModule(modules.Count.ToString(CultureInfo.InvariantCulture), module));
        return this;
    }

    /// <inheritdoc />
    public IEnumerator<Module> GetEnumerator() => modules.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
