namespace PipelineSeg.Imaging.Components;

/// <summary>3D neighbourhoods: voxels sharing a face (6), a face or an edge (18), or any corner (26).</summary>
public enum Connectivity
{
    /// <summary>Face neighbours (scipy generate_binary_structure(3, 1)).</summary>
    Faces6 = 6,

    /// <summary>Face and edge neighbours (generate_binary_structure(3, 2)).</summary>
    Edges18 = 18,

    /// <summary>All 26 neighbours (generate_binary_structure(3, 3)).</summary>
    Corners26 = 26,
}
