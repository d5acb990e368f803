namespace PipelineSeg.Phantoms.Generation;

/// <summary>
/// One patient's abdomen: every structure drawn from the seed, and the precedence rules that decide what a point is.
/// Coordinates are patient millimetres (LPS) with z = 0 at the middle of the scanned range.
/// </summary>
public sealed class PhantomAnatomy
{
    private readonly List<HollowOrgan> _gut = [];
    private readonly SurfaceRipple _visceralFatTexture;

    /// <summary>Draws the anatomy for <paramref name="rng"/>'s seed.</summary>
    public PhantomAnatomy(PhantomRandom rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        Torso = new TorsoModel(rng);
        var liverZ = rng.Uniform(5, 45);
        var rightKidneyZ = liverZ - rng.Uniform(55, 85);
        Spine = new SpineModel(rng, Torso, rightKidneyZ + 30);
        Liver = new LiverModel(rng, Torso, liverZ);

        var (sx, sy) = (Spine.CenterX, Spine.CenterY);
        var kidneyY = sy + rng.Uniform(-6, 8);
        RightKidney = new KidneyModel(rng, sx - rng.Uniform(55, 72), kidneyY, rightKidneyZ, side: -1);
        LeftKidney = new KidneyModel(rng, sx + rng.Uniform(55, 72), kidneyY, rightKidneyZ + rng.Uniform(5, 22), side: +1);

        var r = rng.Uniform(9, 13);
        Aorta = new Ellipsoid(sx + rng.Uniform(6, 16), sy - Spine.BodyRadiusY - r - rng.Uniform(1, 5), 0, r, r, 1e6);
        VenaCava = new Ellipsoid(sx - rng.Uniform(20, 28), sy - Spine.BodyRadiusY - rng.Uniform(6, 12), 0,
            rng.Uniform(10, 14), rng.Uniform(7, 10), 1e6, rng.Uniform(-0.3, 0.3));
        AortaHu = rng.Uniform(140, 195);
        VenaCavaHu = rng.Uniform(110, 150);

        var (ac, bc) = (Torso.CavitySemiAxisX, Torso.CavitySemiAxisY);
        Spleen = new SolidOrgan(
            new Ellipsoid(Torso.CenterX + (rng.Uniform(0.5, 0.65) * ac), Torso.CenterY + (rng.Uniform(0.1, 0.3) * bc),
                liverZ + rng.Uniform(-5, 25), rng.Uniform(22, 32), rng.Uniform(40, 58), rng.Uniform(40, 60), rng.Uniform(0.4, 0.9)),
            SurfaceRipple.Draw(rng, 3, 50, 120, 0.08),
            rng.Uniform(44, 60));
        if (rng.Chance(0.85))
        {
            _gut.Add(new HollowOrgan(
                new Ellipsoid(Torso.CenterX + (rng.Uniform(0.15, 0.35) * ac), Torso.CenterY - (rng.Uniform(0.2, 0.45) * bc),
                    liverZ + rng.Uniform(-10, 15), rng.Uniform(30, 50), rng.Uniform(22, 38), rng.Uniform(30, 50), rng.Uniform(-0.5, 0.5)),
                rng.Uniform(3, 5), Torso.MuscleHu, rng.Uniform(0, 25), rng.Uniform(0, 0.45)));
        }
        DrawBowel(rng, liverZ);
        _visceralFatTexture = SurfaceRipple.Draw(rng, 5, 15, 60, 15);
        Liver.DrawInterior(rng, (x, y, z) => Sample(x, y, z).AnatomyLabel == PhantomLabels.Liver);
    }

    /// <summary>Trunk outline and wall.</summary>
    public TorsoModel Torso { get; }

    /// <summary>Spine and back muscles.</summary>
    public SpineModel Spine { get; }

    /// <summary>Liver with vessels and lesions.</summary>
    public LiverModel Liver { get; }

    /// <summary>Right kidney (patient's right, −x).</summary>
    public KidneyModel RightKidney { get; }

    /// <summary>Left kidney.</summary>
    public KidneyModel LeftKidney { get; }

    /// <summary>Spleen.</summary>
    public SolidOrgan Spleen { get; }

    /// <summary>Abdominal aorta (a vertical tube).</summary>
    public Ellipsoid Aorta { get; }

    /// <summary>Inferior vena cava (a vertical tube).</summary>
    public Ellipsoid VenaCava { get; }

    /// <summary>Aortic attenuation (HU).</summary>
    public double AortaHu { get; }

    /// <summary>Caval attenuation (HU).</summary>
    public double VenaCavaHu { get; }

    /// <summary>What lies at a point, before blur and noise. Precedence: wall, spine, vessels, kidneys, liver, spleen, gut, fat.</summary>
    public TissueSample Sample(double x, double y, double z)
    {
        switch (Torso.Classify(x, y, z))
        {
            case TorsoLayer.Outside:
                return TissueSample.Air;
            case TorsoLayer.SubcutaneousFat:
                return TissueSample.Unlabelled(Torso.SubcutaneousFatHu);
            case TorsoLayer.MuscleWall:
                return TissueSample.Unlabelled(Torso.MuscleHu);
        }
        if (Spine.TrySample(x, y, z, out var hu, out var label))
        {
            return new TissueSample(hu, PhantomLabels.Background, label);
        }
        if (Aorta.NormalizedRadius(x, y, z) < 1)
        {
            return new TissueSample(AortaHu, PhantomLabels.Background, PhantomLabels.Aorta);
        }
        if (VenaCava.NormalizedRadius(x, y, z) < 1)
        {
            return TissueSample.Unlabelled(VenaCavaHu);
        }
        if (RightKidney.TrySample(x, y, z, out hu, out label) || LeftKidney.TrySample(x, y, z, out hu, out label))
        {
            return new TissueSample(hu, PhantomLabels.Background, label);
        }
        if (Liver.MayContain(x, y, z) && Liver.Implicit(x, y, z) < 1)
        {
            var (liverHu, taskLabel) = Liver.Sample(x, y, z);
            return new TissueSample(liverHu, taskLabel, taskLabel);
        }
        if (Spleen.Contains(x, y, z))
        {
            return new TissueSample(Spleen.Hu, PhantomLabels.Background, PhantomLabels.Spleen);
        }
        foreach (var organ in _gut)
        {
            if (organ.TrySample(x, y, z, out hu))
            {
                return TissueSample.Unlabelled(hu);
            }
        }
        return TissueSample.Unlabelled(Torso.VisceralFatHu + _visceralFatTexture.Offset(x, y, z));
    }

    private void DrawBowel(PhantomRandom rng, double liverZ)
    {
        // Loops fill the lower and anterior abdomen, below the liver dome.
        var loops = rng.Next(8, 18);
        var (ac, bc) = (Torso.CavitySemiAxisX, Torso.CavitySemiAxisY);
        for (var i = 0; i < loops; i++)
        {
            var radius = rng.Uniform(10, 22);
            var shape = new Ellipsoid(Torso.CenterX + (rng.Uniform(-0.7, 0.7) * ac), Torso.CenterY + (rng.Uniform(-0.7, 0.35) * bc),
                liverZ - rng.Uniform(30, 170), radius * rng.Uniform(0.7, 1.3), radius * rng.Uniform(0.7, 1.3),
                radius * rng.Uniform(1, 2.5), rng.Uniform(0, Math.PI));
            var contrast = rng.Chance(0.12);
            var content = contrast ? rng.Uniform(180, 320) : rng.Uniform(5, 40);
            var gas = rng.Chance(0.35) ? rng.Uniform(0.2, 0.8) : 0;
            _gut.Add(new HollowOrgan(shape, rng.Uniform(2, 4), Torso.MuscleHu, content, gas));
        }
    }
}
