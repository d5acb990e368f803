namespace PipelineSeg.Dicom.Codecs.Jpeg2000;

/// <summary>
/// The order of packets in a tile (T.800 B.12.1): LRCP, RLCP, RPCL, PCRL, CPRL. Position-driven orders visit a
/// precinct at its first reference-grid position, so sorting by (y, x) of that position reproduces the loops.
/// </summary>
internal static class J2kProgression
{
    /// <summary>Bounds work and memory on hostile headers (65535 layers × tiny precincts).</summary>
    private const int MaxPackets = 1 << 21;

    public static IEnumerable<(int Layer, int Resolution, int Component, int Precinct)> Packets(J2kCodestream cs, J2kTileComponent[] components)
    {
        var all = new List<(int Layer, int R, int C, int K, long Y, long X)>();
        for (var c = 0; c < components.Length; c++)
        {
            var tc = components[c];
            var levels = tc.Style.Levels;
            for (var r = 0; r <= levels; r++)
            {
                var (items, columns, firstX, firstY) = tc.Precincts[r];
                int ppx = tc.Style.PrecinctWidthExponents[r], ppy = tc.Style.PrecinctHeightExponents[r];
                if ((long)items.Length * cs.Layers + all.Count > MaxPackets)
                {
                    throw new DicomFormatException($"JPEG 2000: more than {MaxPackets} packets in a tile");
                }
                for (var k = 0; k < items.Length; k++)
                {
                    // Precinct origin on the tile-component grid at full resolution, clamped to the tile-component start.
                    long x = Math.Max((long)(firstX + (k % columns)) << (ppx + levels - r), tc.X0);
                    long y = Math.Max((long)(firstY + (k / columns)) << (ppy + levels - r), tc.Y0);
                    for (var layer = 0; layer < cs.Layers; layer++)
                    {
                        all.Add((layer, r, c, k, y * cs.Components[c].Dy, x * cs.Components[c].Dx));
                    }
                }
            }
        }
        IEnumerable<(int Layer, int R, int C, int K, long Y, long X)> ordered = cs.Progression switch
        {
            0 => all.OrderBy(p => p.Layer).ThenBy(p => p.R).ThenBy(p => p.C).ThenBy(p => p.K),
            1 => all.OrderBy(p => p.R).ThenBy(p => p.Layer).ThenBy(p => p.C).ThenBy(p => p.K),
            2 => all.OrderBy(p => p.R).ThenBy(p => p.Y).ThenBy(p => p.X).ThenBy(p => p.C).ThenBy(p => p.Layer),
            3 => all.OrderBy(p => p.Y).ThenBy(p => p.X).ThenBy(p => p.C).ThenBy(p => p.R).ThenBy(p => p.Layer),
            4 => all.OrderBy(p => p.C).ThenBy(p => p.Y).ThenBy(p => p.X).ThenBy(p => p.R).ThenBy(p => p.Layer),
            _ => throw new DicomFormatException($"JPEG 2000: progression order {cs.Progression}"),
        };
        return ordered.Select(p => (p.Layer, p.R, p.C, p.K));
    }
}
