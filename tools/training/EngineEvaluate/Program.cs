using System.Diagnostics;
using System.Globalization;
using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Resampling;
using PipelineSeg.Phantoms.Generation;
using PipelineSeg.Plugins.Hosting;

// Usage: EngineEvaluate <pluginsDir> <modelId> <firstSeed> <count> [size] [slices]
// Generates held-out phantoms, runs the model through the plugin catalog on our engine with the pipeline's
// resampling (in-plane linear to the model size and back), takes the argmax and prints 3-D Dice per case.
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: EngineEvaluate <pluginsDir> <modelId> <firstSeed> <count> [size] [slices]");
    return 2;
}
var inv = CultureInfo.InvariantCulture;
using var catalog = await PluginCatalog.LoadAsync(args[0]);
foreach (var failure in catalog.Failures)
{
    Console.Error.WriteLine($"refused: {failure.Reason}");
}
using var model = catalog.GetModel(args[1]).Create();
var spec = model.Manifest.Input;
var classes = model.Manifest.Output.Channels;
var (first, count) = (int.Parse(args[2], inv), int.Parse(args[3], inv));
var options = new PhantomOptions
{
    Size = args.Length > 4 ? int.Parse(args[4], inv) : new PhantomOptions().Size,
    Slices = args.Length > 5 ? int.Parse(args[5], inv) : new PhantomOptions().Slices,
};
var liverDice = new List<double>();
var watch = new Stopwatch();
var slices = 0;
for (var seed = first; seed < first + count; seed++)
{
    var phantom = PhantomGenerator.Generate(seed, options);
    var ct = new Volume<float>(phantom.Ct.Size, phantom.Ct.Geometry, [.. phantom.Ct.Array.Select(v => (float)v)]);
    var small = Resampler.ResampleInPlane(ct, spec.Width, spec.Height, Interpolation.Linear, -1024f);
    var plane = spec.Width * spec.Height;
    var probabilities = new float[classes][];
    for (var k = 0; k < classes; k++)
    {
        probabilities[k] = new float[small.Depth * plane];
    }
    var input = new float[plane];
    var output = new float[classes * plane];
    for (var z = 0; z < small.Depth; z++)
    {
        small.Slice(z).CopyTo(input);
        spec.Intensity.Apply(input);
        watch.Start();
        model.Predict(input, 1, output);
        watch.Stop();
        slices++;
        for (var k = 0; k < classes; k++)
        {
            output.AsSpan(k * plane, plane).CopyTo(probabilities[k].AsSpan(z * plane, plane));
        }
    }
    var back = new Volume<float>[classes];
    for (var k = 0; k < classes; k++)
    {
        var outside = model.Manifest.Output.Classes[k].IsBackground ? 1f : 0f;
        back[k] = Resampler.ResampleLike(new Volume<float>(small.Size, small.Geometry, probabilities[k]), ct, Interpolation.Linear, outside);
    }
    long both = 0, predicted = 0, truth = 0;
    var labels = phantom.Labels.Array;
    for (var i = 0; i < labels.Length; i++)
    {
        var best = 0;
        for (var k = 1; k < classes; k++)
        {
            if (back[k].Array[i] > back[best].Array[i])
            {
                best = k;
            }
        }
        var p = best >= 1;
        var t = labels[i] >= PhantomLabels.Liver;
        both += p && t ? 1 : 0;
        predicted += p ? 1 : 0;
        truth += t ? 1 : 0;
    }
    var dice = 2.0 * both / (predicted + truth);
    liverDice.Add(dice);
    Console.WriteLine(string.Create(inv, $"seed {seed}: liver Dice {dice:F4}"));
}
Console.WriteLine(string.Create(inv, $"liver Dice mean {liverDice.Average():F4} min {liverDice.Min():F4} over seeds {first}..{first + count - 1}; {watch.Elapsed.TotalMilliseconds / slices:F1} ms/slice"));
return 0;
