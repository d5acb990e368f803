namespace PipelineSeg.Phantoms.Generation;

/// <summary>
/// The liver: a smooth union of a right lobe, a left lobe reaching across the midline and (sometimes) an inferior tip,
/// with an irregular surface, portal-venous vessels and focal hypodense lesions.
/// </summary>
public sealed class LiverModel
{
    private const double Blend = 0.3;
    private readonly Ellipsoid[] _lobes;
    private readonly SurfaceRipple _shapeRipple;
    private readonly SurfaceRipple _texture;
    private readonly List<VesselSegment> _vessels = [];
    private readonly List<LiverLesion> _lesions = [];

    /// <summary>Draws a liver in the right upper quadrant of <paramref name="torso"/>, centred at height <paramref name="centerZ"/>.</summary>
    public LiverModel(PhantomRandom rng, TorsoModel torso, double centerZ)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(torso);
        var ac = torso.CavitySemiAxisX;
        var bc = torso.CavitySemiAxisY;
        var (cx, cy) = (torso.CenterX, torso.CenterY);
        var size = rng.Uniform(0.85, 1.15);
        var lobes = new List<Ellipsoid>
        {
            new(cx - (rng.Uniform(0.36, 0.48) * ac), cy + rng.Uniform(-0.08, 0.08) * bc, centerZ,
                rng.Uniform(0.38, 0.48) * ac * size, rng.Uniform(0.55, 0.72) * bc * size, rng.Uniform(65, 90) * size,
                rng.Uniform(-0.25, 0.25)),
            new(cx + (rng.Uniform(-0.05, 0.12) * ac), cy - (rng.Uniform(0.35, 0.5) * bc), centerZ + rng.Uniform(10, 35),
                rng.Uniform(0.28, 0.42) * ac * size, rng.Uniform(0.2, 0.32) * bc * size, rng.Uniform(35, 55) * size,
                rng.Uniform(-0.4, 0.1)),
        };
        if (rng.Chance(0.6))
        {
            // Inferior extension of the right lobe (Riedel-like), common and a good test of generalisation.
            lobes.Add(new Ellipsoid(cx - (rng.Uniform(0.45, 0.6) * ac), cy + (rng.Uniform(-0.05, 0.2) * bc),
                centerZ - rng.Uniform(45, 70), rng.Uniform(0.15, 0.25) * ac, rng.Uniform(0.25, 0.4) * bc, rng.Uniform(30, 50),
                rng.Uniform(-0.3, 0.3)));
        }
        _lobes = [.. lobes];
        _shapeRipple = SurfaceRipple.Draw(rng, 5, 60, 180, rng.Uniform(0.06, 0.14));
        _texture = SurfaceRipple.Draw(rng, 4, 20, 80, rng.Uniform(2, 5));
        ParenchymaHu = rng.Uniform(52, 70);
        VesselHu = rng.Uniform(140, 185);
    }

    /// <summary>Mean parenchymal attenuation (HU).</summary>
    public double ParenchymaHu { get; }

    /// <summary>Portal-venous vessel attenuation (HU).</summary>
    public double VesselHu { get; }

    /// <summary>The lesions drawn for this liver.</summary>
    public IReadOnlyList<LiverLesion> Lesions => _lesions;

    /// <summary>Implicit function: &lt; 1 inside the liver.</summary>
    public double Implicit(double x, double y, double z)
    {
        var f = double.PositiveInfinity;
        foreach (var lobe in _lobes)
        {
            f = SmoothMin(f, lobe.NormalizedRadius(x, y, z));
        }
        return f + _shapeRipple.Offset(x, y, z);
    }

    /// <summary>Cheap rejection: false when the point is certainly outside the liver.</summary>
    public bool MayContain(double x, double y, double z)
    {
        foreach (var lobe in _lobes)
        {
            if (lobe.MayContain(x, y, z, 0.4 * lobe.MeanRadius))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Attenuation and task label at a point already known to be inside the liver: vessels, then lesions blended
    /// over the parenchyma with their blurred edges.
    /// </summary>
    public (double Hu, byte Label) Sample(double x, double y, double z)
    {
        var hu = ParenchymaHu + _texture.Offset(x, y, z);
        foreach (var vessel in _vessels)
        {
            if (vessel.Contains(x, y, z))
            {
                hu = VesselHu;
                break;
            }
        }
        var label = PhantomLabels.Liver;
        foreach (var lesion in _lesions)
        {
            var d = lesion.SignedDistance(x, y, z);
            var w = lesion.Weight(d);
            hu += w * (lesion.Hu - hu);
            if (d < 0)
            {
                label = PhantomLabels.Lesion;
            }
        }
        return (hu, label);
    }

    /// <summary>
    /// Draws vessels and lesions. <paramref name="isLiver"/> tells where the finished anatomy really is liver (other
    /// organs take precedence over it), so that lesions are not placed inside a kidney or the spine.
    /// </summary>
    public void DrawInterior(PhantomRandom rng, Func<double, double, double, bool> isLiver)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(isLiver);
        DrawVessels(rng, isLiver);
        DrawLesions(rng, isLiver);
    }

    private void DrawVessels(PhantomRandom rng, Func<double, double, double, bool> isLiver)
    {
        // Branches fan out from the porta hepatis (medial, inferior part of the right lobe).
        var main = _lobes[0];
        var hx = main.CenterX + (0.45 * main.RadiusX);
        var hy = main.CenterY + (0.1 * main.RadiusY);
        var hz = main.CenterZ - (0.25 * main.RadiusZ);
        var branches = rng.Next(3, 8);
        for (var i = 0; i < branches; i++)
        {
            if (TrySampleInterior(rng, 0.8, 0, isLiver, out var px, out var py, out var pz))
            {
                _vessels.Add(new VesselSegment(hx, hy, hz, px, py, pz, rng.Uniform(4, 7), rng.Uniform(1.5, 3)));
            }
        }
    }

    private void DrawLesions(PhantomRandom rng, Func<double, double, double, bool> isLiver)
    {
        // About one liver in seven has no lesion, so the model must not assume there always is one.
        var count = rng.Chance(0.15) ? 0 : rng.Next(1, 6);
        for (var i = 0; i < count; i++)
        {
            var radius = Math.Exp(rng.Uniform(Math.Log(4), Math.Log(25)));
            if (!TrySampleInterior(rng, 0.75, 0.6 * radius, isLiver, out var x, out var y, out var z))
            {
                continue;
            }
            var cyst = rng.Chance(0.2);
            var shape = new Ellipsoid(x, y, z, radius * rng.Uniform(0.8, 1.2), radius * rng.Uniform(0.8, 1.2),
                radius * rng.Uniform(0.8, 1.2), rng.Uniform(0, Math.PI));
            var ripple = SurfaceRipple.Draw(rng, 3, radius, 4 * radius, cyst ? 0.03 : rng.Uniform(0.05, 0.15));
            var hu = cyst ? rng.Uniform(0, 15) : rng.Uniform(18, 42);
            var edge = cyst ? rng.Uniform(0.4, 0.8) : rng.Uniform(1.2, 3.0);
            _lesions.Add(new LiverLesion(shape, ripple, hu, edge));
        }
    }

    /// <summary>A point inside the liver whose neighbours at ±<paramref name="clearanceMm"/> along each axis are liver too.</summary>
    private bool TrySampleInterior(PhantomRandom rng, double depth, double clearanceMm, Func<double, double, double, bool> isLiver,
        out double x, out double y, out double z)
    {
        var lobe = _lobes[rng.Next(0, Math.Min(2, _lobes.Length))];
        var c = clearanceMm;
        for (var attempt = 0; attempt < 300; attempt++)
        {
            x = lobe.CenterX + (rng.Uniform(-1, 1) * lobe.RadiusX);
            y = lobe.CenterY + (rng.Uniform(-1, 1) * lobe.RadiusY);
            z = lobe.CenterZ + (rng.Uniform(-1, 1) * lobe.RadiusZ);
            if (Implicit(x, y, z) < depth && isLiver(x, y, z)
                && (c <= 0 || (isLiver(x - c, y, z) && isLiver(x + c, y, z) && isLiver(x, y - c, z)
                    && isLiver(x, y + c, z) && isLiver(x, y, z - c) && isLiver(x, y, z + c))))
            {
                return true;
            }
        }
        (x, y, z) = (0, 0, 0);
        return false;
    }

    private static double SmoothMin(double a, double b)
    {
        if (double.IsPositiveInfinity(a))
        {
            return b;
        }
        var h = Math.Max(Blend - Math.Abs(a - b), 0) / Blend;
        return Math.Min(a, b) - (h * h * Blend / 4);
    }
}
