using System.Globalization;
using PipelineSeg.Comparison.Datasets;
using PipelineSeg.Comparison.Scoring;
using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Nifti;
using PipelineSeg.Pipeline.Models;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Pipeline.Stages;

namespace PipelineSeg.Comparison.Running;

/// <summary>
/// Runs every model over every case of a dataset split through the service's stages (<see cref="SlabPipelineFactory"/>:
/// the same pre-processing, inference runner, ensemble and smoothing as <c>batch</c>), takes the compared segment's
/// probabilities from them and scores them at every threshold. Models are created once, cases read once.
/// </summary>
public sealed class ComparisonRunner(IModelProvider provider)
{
    /// <summary>Compares; <paramref name="onCase"/> hears each finished case. Dataset problems are <see cref="InvalidDataException"/>s naming the file.</summary>
    public async Task<ComparisonResult> RunAsync(ComparisonRequest request, Action<string>? onCase = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = new List<(ModelUnderTest Model, PipelineModels Models, SlabPipeline Pipeline, ComparedSegment Segment)>();
        try
        {
            foreach (var model in request.Models)
            {
                var models = await PipelineModels.CreateAsync(provider, model.Definition, cancellationToken).ConfigureAwait(false);
                try
                {
                    var manifest = models.Models[0].Manifest;
                    loaded.Add((model, models, SlabPipelineFactory.Create(model.Definition, models.Models, request.SlicesPerBatch),
                        ComparedSegment.Resolve(manifest, request.Dataset.Segment)));
                }
                catch
                {
                    models.Dispose();
                    throw;
                }
            }
            var notes = loaded.Select(l => $"{l.Model.Name}: segment '{l.Segment.Label}' ({string.Join("+", l.Model.Definition.ModelIds)})").ToList();
            var scores = new List<CaseScore>();
            var count = 0;
            await foreach (var labelled in LabelledDataset.ReadAsync(request.Dataset, request.Split, cancellationToken).ConfigureAwait(false))
            {
                foreach (var (model, models, pipeline, segment) in loaded)
                {
                    var grid = new SlabGrid(labelled.Image.Width, labelled.Image.Height, labelled.Image.Depth, labelled.Image.Geometry);
                    var probability = new CaseProbability(grid, segment.ClassIndices, models.Models[0].Manifest.Input.PixelSpacingMm);
                    await pipeline.RunAsync(new InMemoryVolumeSource(labelled.Image), probability.Add, cancellationToken).ConfigureAwait(false);
                    scores.AddRange(CaseScorer.Score(probability.Map, labelled.Truth, request.Thresholds, labelled.Planar)
                        .Select(s => new CaseScore(model.Name, labelled.Id, s.Threshold, s.Metrics)));
                    if (request.MapsFolder is { } maps)
                    {
                        await WriteMapAsync(Path.Combine(maps, SafeName(model.Name)), labelled.Id, probability.Map, cancellationToken).ConfigureAwait(false);
                    }
                }
                if (request.MapsFolder is { } folder)
                {
                    await WriteMapAsync(Path.Combine(folder, TruthFolder), labelled.Id, labelled.Truth, cancellationToken).ConfigureAwait(false);
                }
                count++;
                onCase?.Invoke(labelled.Id);
            }
            if (count == 0)
            {
                throw new InvalidDataException($"{request.Dataset.Source}: split '{request.Split}' has no case");
            }
            return new ComparisonResult(request.Dataset.Source, request.Split, [.. request.Models.Select(m => m.Name)], request.Thresholds, scores, notes);
        }
        finally
        {
            loaded.ForEach(l => l.Models.Dispose());
        }
    }

    /// <summary>The folder under <see cref="ComparisonRequest.MapsFolder"/> that holds the ground truth masks.</summary>
    public const string TruthFolder = "ground-truth";

    /// <summary>The file name a case's map is written under: its id with every character but letters, digits, '-', '_' and '.' as '_'.</summary>
    public static string MapFileName(string caseId)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        return SafeName(caseId.Replace(".nii.gz", string.Empty, StringComparison.OrdinalIgnoreCase)) + ".nii.gz";
    }

    private static string SafeName(string name) =>
        string.Create(CultureInfo.InvariantCulture, $"{new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')])}");

    private static async Task WriteMapAsync<T>(string folder, string caseId, Volume<T> map, CancellationToken cancellationToken) where T : unmanaged
    {
        Directory.CreateDirectory(folder);
        await NiftiFile.WriteAsync(Path.Combine(folder, MapFileName(caseId)), map, null, cancellationToken).ConfigureAwait(false);
    }
}
