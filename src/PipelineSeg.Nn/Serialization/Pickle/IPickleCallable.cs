namespace PipelineSeg.Nn;

/// <summary>A global the unpickler was allowed to resolve and may call through REDUCE or NEWOBJ.</summary>
internal interface IPickleCallable
{
    /// <summary>The Python name, <c>module.name</c>, for messages.</summary>
    string Name { get; }

    object? Call(PickleTuple arguments);
}
