namespace PipelineSeg.Nn;

/// <summary>An unpickled Python tuple: compared by value, so it can be a dictionary key as in Python.</summary>
internal sealed class PickleTuple(IReadOnlyList<object?> items) : IEquatable<PickleTuple>
{
    public static readonly PickleTuple Empty = new([]);

    public IReadOnlyList<object?> Items { get; } = items;

    public int Count => Items.Count;

    public object? this[int index] => Items[index];

    public bool Equals(PickleTuple? other) => other is not null && Items.SequenceEqual(other.Items);

    public override bool Equals(object? obj) => Equals(obj as PickleTuple);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items)
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }

    public override string ToString() => $"({string.Join(", ", Items)})";
}
