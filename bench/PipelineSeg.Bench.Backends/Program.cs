using System.Diagnostics;
using System.Globalization;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Plugins.Hosting;

// usage: PipelineSeg.Bench.Backends --plugins DIR --model ID --backend builtin|torch|onnx [--device cpu] [--precision fp32|fp16|bf16]
//        [--threads 2] [--reps 3] [--batch 1[,8,32]]
// One line per batch: "<backend> <device> <precision> batch=B: X ms/slice, peak RSS Y MiB".
var options = BenchArguments.Parse(args);
using var catalog = await PluginCatalog.LoadAsync(options.Plugins);
foreach (var failure in catalog.Failures)
{
    Console.Error.WriteLine($"refused: {failure.Reason}");
}
var target = new ExecutionTarget(options.Backend, ExecutionDevice.Parse(options.Device)) { Precision = ExecutionPrecisionNames.Parse(options.Precision) };
using var model = catalog.CreateModel(options.Model, target, options.Threads);
var device = (model as IModelPlacement)?.Device.ToString() ?? "cpu";
foreach (var batch in options.Batches)
{
    var random = new Random(7);
    var input = new float[model.Manifest.InputLength(batch)];
    for (var i = 0; i < input.Length; i++)
    {
        input[i] = (float)random.NextDouble();
    }
    var output = new float[model.Manifest.OutputLength(batch)];
    model.Predict(input, batch, output);
    var times = new List<double>();
    for (var r = 0; r < options.Reps; r++)
    {
        var clock = Stopwatch.StartNew();
        model.Predict(input, batch, output);
        times.Add(clock.Elapsed.TotalMilliseconds / batch);
    }
    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{options.Backend} {device} {target.Precision.Name()} batch={batch}: {times[times.Count / 2]:F1} ms/slice, peak RSS {PeakRss.MiB():F0} MiB"));
}
