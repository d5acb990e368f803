using System.Globalization;
using PipelineSeg.Imaging.Phantoms;
using PipelineSeg.Tools.PhantomExport;

// Usage: PhantomExport <outputDir> <firstSeed> <count> [size]
// Writes ct_<seed>.npy (int16 HU, [z,y,x]), labels_<seed>.npy (uint8: 0 background, 1 liver, 2 lesion) and
// meta_<seed>.json (spacing x,y,z mm) for each seed, with the generator's default acquisition settings.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: PhantomExport <outputDir> <firstSeed> <count> [size]");
    return 2;
}
var output = args[0];
var first = int.Parse(args[1], CultureInfo.InvariantCulture);
var count = int.Parse(args[2], CultureInfo.InvariantCulture);
var size = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : new PhantomOptions().Size;
Directory.CreateDirectory(output);
for (var seed = first; seed < first + count; seed++)
{
    var phantom = PhantomGenerator.Generate(seed, new PhantomOptions { Size = size });
    var s = phantom.Ct.Size;
    NpyWriter.Write<short>(Path.Combine(output, $"ct_{seed}.npy"), phantom.Ct.Span, "<i2", s.Z, s.Y, s.X);
    NpyWriter.Write<byte>(Path.Combine(output, $"labels_{seed}.npy"), phantom.Labels.Span, "|u1", s.Z, s.Y, s.X);
    var sp = phantom.Ct.Geometry.Spacing;
    File.WriteAllText(Path.Combine(output, $"meta_{seed}.json"),
        string.Create(CultureInfo.InvariantCulture, $"{{\"seed\": {seed}, \"spacing\": [{sp.X}, {sp.Y}, {sp.Z}], \"lesions\": {phantom.LesionCount}}}\n"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {seed}: {s.X}x{s.Y}x{s.Z}, liver {phantom.CountLabel(PhantomLabels.Liver)} voxels, lesions {phantom.LesionCount}"));
}
return 0;
