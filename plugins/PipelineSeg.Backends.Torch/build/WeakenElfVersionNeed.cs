using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// MSBuild task (build time only, not part of the plugin): marks one version requirement of an ELF shared library weak
/// (VER_FLG_WEAK in its .gnu.version_r entry). TorchSharp 0.107's libLibTorchSharp.so was linked with GCC 13 and asks
/// libstdc++ for GLIBCXX_3.4.32 only for std::ios_base_library_init, a symbol GCC 13's &lt;iostream&gt; references but never
/// calls; Debian 12 ships GCC 12's libstdc++ (3.4.30), where the hard requirement stops the library from loading at all.
/// A weak requirement lets the loader go on; on a newer libstdc++ nothing changes.
/// </summary>
public sealed class WeakenElfVersionNeed : Task
{
    private const uint VerNeedSection = 0x6ffffffe;
    private const ushort WeakFlag = 2;

    [Required]
    public string File { get; set; } = "";

    [Required]
    public string Version { get; set; } = "";

    public override bool Execute()
    {
        if (!System.IO.File.Exists(File))
        {
            Log.LogMessage(MessageImportance.Low, $"{File}: not there, nothing to weaken");
            return true;
        }
        var data = System.IO.File.ReadAllBytes(File);
        if (data.Length < 64 || data[0] != 0x7f || data[1] != (byte)'E' || data[4] != 2 || data[5] != 1)
        {
            Log.LogError($"{File}: not a little-endian ELF64 file");
            return false;
        }
        var changed = Weaken(data);
        if (changed > 0)
        {
            System.IO.File.WriteAllBytes(File, data);
        }
        Log.LogMessage(MessageImportance.Normal, $"{File}: {Version} requirement weak ({changed} entr{(changed == 1 ? "y" : "ies")} changed)");
        return true;
    }

    private int Weaken(byte[] data)
    {
        var sectionOffset = (long)BitConverter.ToUInt64(data, 0x28);
        int entrySize = BitConverter.ToUInt16(data, 0x3A), count = BitConverter.ToUInt16(data, 0x3C);
        var changed = 0;
        for (var i = 0; i < count; i++)
        {
            var header = sectionOffset + (i * entrySize);
            if (BitConverter.ToUInt32(data, (int)header + 4) != VerNeedSection)
            {
                continue;
            }
            var offset = (long)BitConverter.ToUInt64(data, (int)header + 24);
            var link = BitConverter.ToUInt32(data, (int)header + 40);
            var entries = BitConverter.ToUInt32(data, (int)header + 44);
            var strings = (long)BitConverter.ToUInt64(data, (int)(sectionOffset + (link * entrySize) + 24));
            for (var n = 0; n < entries; n++)
            {
                int auxCount = BitConverter.ToUInt16(data, (int)offset + 2);
                var aux = offset + BitConverter.ToUInt32(data, (int)offset + 8);
                for (var a = 0; a < auxCount; a++)
                {
                    var name = strings + BitConverter.ToUInt32(data, (int)aux + 8);
                    var end = Array.IndexOf(data, (byte)0, (int)name);
                    if (Encoding.ASCII.GetString(data, (int)name, end - (int)name) == Version)
                    {
                        var flags = (ushort)(BitConverter.ToUInt16(data, (int)aux + 4) | WeakFlag);
                        BitConverter.GetBytes(flags).CopyTo(data, (int)aux + 4);
                        changed++;
                    }
                    aux += BitConverter.ToUInt32(data, (int)aux + 12);
                }
                offset += BitConverter.ToUInt32(data, (int)offset + 12);
            }
        }
        return changed;
    }
}
