using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace PipelineSeg.Plugins.Hosting;

/// <summary>Reads, without loading it, which version of the contract assembly a plugin assembly was compiled against.</summary>
internal static class ContractReference
{
    /// <summary>The referenced version of <paramref name="contractName"/>, or null when the assembly does not reference it.</summary>
    /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
    public static Version? Read(string assemblyPath, string contractName)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            throw new BadImageFormatException($"{assemblyPath} is not a .NET assembly");
        }
        var reader = pe.GetMetadataReader();
        foreach (var handle in reader.AssemblyReferences)
        {
            var reference = reader.GetAssemblyReference(handle);
            if (string.Equals(reader.GetString(reference.Name), contractName, StringComparison.OrdinalIgnoreCase))
            {
                return reference.Version;
            }
        }
        return null;
    }
}
