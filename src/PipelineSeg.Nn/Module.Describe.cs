using System.Text;

namespace PipelineSeg.Nn;

public abstract partial class Module
{
    /// <summary>The module tree the way PyTorch prints it: <c>(name): Layer(...)</c>, children indented.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        Describe(text, 0);
        return text.ToString();
    }

    /// <summary>One-line description of this module alone (type name unless overridden).</summary>
    public override string ToString() => GetType().Name;

    private void Describe(StringBuilder text, int depth)
    {
        text.Append(ToString());
        if (children.Count == 0)
        {
            return;
        }
        text.Append("(\n");
        foreach (var (name, child) in children)
        {
            text.Append(' ', 2 * (depth + 1)).Append('(').Append(name).Append("): ");
            child.Describe(text, depth + 1);
            text.Append('\n');
        }
        text.Append(' ', 2 * depth).Append(')');
    }
}
