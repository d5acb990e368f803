namespace PipelineSeg.Nn;

/// <summary>What a stream may reach: the allow-list of globals and the persistent-id loader (storages in torch files).</summary>
internal interface IPickleEnvironment
{
    /// <summary>The callable for <c>module.name</c>.</summary>
    /// <exception cref="UnpicklingRefusedException">The global is not on the allow-list.</exception>
    IPickleCallable ResolveGlobal(string module, string name);

    /// <summary>The object a persistent id stands for.</summary>
    object PersistentLoad(object? id);
}
