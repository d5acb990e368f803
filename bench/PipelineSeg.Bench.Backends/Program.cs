using System.Diagnostics;
using System.Globalization;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Plugins.Hosting;

// usage: PipelineSeg.Bench.Backends --plugins DIR --model ID --backend builtin|torch|onnx [--device cpu] [--threads 2] [--reps 3] [--batch 1]
// Last line: "<backend> <device> batch=B: X ms/slice, peak RSS Y MiB".
var options = BenchArguments.Parse(args);
using var catalog = await PluginCatalog.LoadAsync(options.Plugins);
foreach (var failure in catalog.Failures)
{
    Console.Error.WriteLine($"refused: {failure.Reason}");
}
using var model = catalog.CreateModel(options.Model, new ExecutionTarget(options.Backend, ExecutionDevice.Parse(options.Device)), options.Threads);
var random = new Random(7);
var input = new float[model.Manifest.InputLength(options.Batch)];
for (var i = 0; i < input.Length; i++)
{
    input[i] = (float)random.NextDouble();
}
var output = new float[model.Manifest.OutputLength(options.Batch)];
model.Predict(input, options.Batch, output);
var times = new List<double>();
for (var r = 0; r < options.Reps; r++)
{
    var clock = Stopwatch.StartNew();
    model.Predict(input, options.Batch, output);
    times.Add(clock.Elapsed.TotalMilliseconds / options.Batch);
}
times.Sort();
var device = (model as IModelPlacement)?.Device.ToString() ?? "cpu";
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{options.Backend} {device} batch={options.Batch}: {times[times.Count / 2]:F1} ms/slice, peak RSS {PeakRss.MiB():F0} MiB"));
