namespace PipelineSeg.Phantoms.Generation;

/// <summary>A straight, tapering contrast-filled vessel (a capsule whose radius goes linearly from start to end).</summary>
public readonly record struct VesselSegment(
    double StartX, double StartY, double StartZ, double EndX, double EndY, double EndZ, double StartRadius, double EndRadius)
{
    /// <summary>True when the point lies inside the vessel.</summary>
    public bool Contains(double x, double y, double z)
    {
        var ex = EndX - StartX;
        var ey = EndY - StartY;
        var ez = EndZ - StartZ;
        var length2 = (ex * ex) + (ey * ey) + (ez * ez);
        var t = length2 > 0 ? Math.Clamp((((x - StartX) * ex) + ((y - StartY) * ey) + ((z - StartZ) * ez)) / length2, 0, 1) : 0;
        var px = StartX + (t * ex) - x;
        var py = StartY + (t * ey) - y;
        var pz = StartZ + (t * ez) - z;
        var r = StartRadius + (t * (EndRadius - StartRadius));
        return (px * px) + (py * py) + (pz * pz) < r * r;
    }
}
