using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace PipelineSeg.Plugins.Hosting.Tests.BadPlugins;

/// <summary>
/// Makes a built plugin look compiled against another version of a referenced assembly by rewriting the version of
/// its AssemblyRef row in place (the row starts with four little-endian ushorts: major, minor, build, revision).
/// </summary>
internal static class AssemblyReferencePatcher
{
    public static void SetReferencedVersion(string assemblyPath, string referencedName, Version version)
    {
        var bytes = File.ReadAllBytes(assemblyPath);
        int rowOffset;
        using (var pe = new PEReader(new MemoryStream(bytes)))
        {
            var reader = pe.GetMetadataReader();
            var handle = reader.AssemblyReferences.Single(h => reader.GetString(reader.GetAssemblyReference(h).Name) == referencedName);
            var row = MetadataTokens.GetRowNumber(handle);
            rowOffset = pe.PEHeaders.MetadataStartOffset + reader.GetTableMetadataOffset(TableIndex.AssemblyRef)
                + ((row - 1) * reader.GetTableRowSize(TableIndex.AssemblyRef));
        }
        ushort[] parts = [(ushort)version.Major, (ushort)version.Minor, (ushort)Math.Max(0, version.Build), (ushort)Math.Max(0, version.Revision)];
        for (var i = 0; i < parts.Length; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(rowOffset + (2 * i), 2), parts[i]);
        }
        File.WriteAllBytes(assemblyPath, bytes);
    }
}
