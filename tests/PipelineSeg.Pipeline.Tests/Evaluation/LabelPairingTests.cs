using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Nifti;
using PipelineSeg.Pipeline.Evaluation;

namespace PipelineSeg.Pipeline.Tests.Evaluation;

/// <summary>A value convention never passes for a result: 0/1 against 0/255 is binary or refused, one-sided labels are named.</summary>
public sealed class LabelPairingTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDirectory("eval-pairing");

    // a 12×12×3 box: ground truth x 2..8, prediction x 3..8 (Dice = 2·6/(7+6) per row)
    private async Task<string> Write(string name, Func<int, byte> valueAtX)
    {
        var v = new Volume<byte>(12, 12, 3, VolumeGeometry.WithSpacing(1, 1, 2));
        for (var z = 0; z < 3; z++)
        {
            for (var y = 2; y < 9; y++)
            {
                for (var x = 0; x < 12; x++)
                {
                    v[x, y, z] = valueAtX(x);
                }
            }
        }
        var path = Path.Combine(_dir, name);
        await NiftiFile.WriteAsync(path, v);
        return path;
    }

    private Task<string> Truth(byte value) => Write($"gt{value}.nii.gz", x => x is >= 2 and <= 8 ? value : (byte)0);

    private Task<string> Prediction(byte value) => Write($"pred{value}.nii.gz", x => x is >= 3 and <= 8 ? value : (byte)0);

    private const double ExpectedDice = 12.0 / 13.0;

    [SkippableFact]
    public async Task A_0_1_prediction_against_a_0_255_ground_truth_is_compared_as_masks_with_a_note()
    {
        var result = await LabelEvaluator.EvaluateAsync(new LabelEvaluationRequest(await Prediction(1), await Truth(255)));
        Assert.Equal(LabelComparison.Binary, result.Comparison);
        var segment = Assert.Single(result.Report.Segments);
        Assert.Equal(ExpectedDice, segment.Dice, 1e-12);
        Assert.Contains(result.Notes, n => n.Contains("binary masks", StringComparison.Ordinal) && n.Contains("0/255", StringComparison.Ordinal));
        Assert.Empty(result.LabelsOnlyInPrediction);
        Assert.Contains("\"comparison\": \"binary\"", EvaluationJson.Serialize(result), StringComparison.Ordinal);
        Assert.Contains("note: ", EvaluationText.Format(result), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_multi_label_prediction_against_a_two_valued_ground_truth_is_refused_naming_binary_and_label()
    {
        var prediction = await Write("pred12.nii.gz", x => x switch { >= 3 and <= 5 => 1, >= 6 and <= 8 => 2, _ => 0 });
        var truth = await Truth(255);
        var e = await Assert.ThrowsAsync<LabelMismatchException>(() => LabelEvaluator.EvaluateAsync(new LabelEvaluationRequest(prediction, truth)));
        Assert.Contains("--binary", e.Message, StringComparison.Ordinal);
        Assert.Contains("--label", e.Message, StringComparison.Ordinal);

        var binary = await LabelEvaluator.EvaluateAsync(new LabelEvaluationRequest(prediction, await Truth(255)) { Binary = true });
        Assert.Equal(ExpectedDice, Assert.Single(binary.Report.Segments).Dice, 1e-12);

        var one = await LabelEvaluator.EvaluateAsync(new LabelEvaluationRequest(prediction, await Truth(255)) { Label = 2 });
        var s = Assert.Single(one.Report.Segments);
        Assert.Equal(LabelComparison.SingleLabel, one.Comparison);
        Assert.Equal(2, s.Label);
        Assert.Equal(2.0 * 9 * 7 / ((9 + 21) * 7), s.Dice, 1e-12); // x 6..8 of 2..8, 7 rows, 3 slices: 2·63/(63+147)
    }

    [SkippableFact]
    public async Task Labels_present_in_one_side_only_are_reported()
    {
        var prediction = await Write("pred13.nii.gz", x => x switch { >= 3 and <= 8 => 1, 10 => 3, _ => 0 });
        var truth = await Write("gt12.nii.gz", x => x switch { >= 2 and <= 8 => 1, 0 => 2, _ => 0 });
        var result = await LabelEvaluator.EvaluateAsync(new LabelEvaluationRequest(prediction, truth));
        Assert.Equal(LabelComparison.Labels, result.Comparison);
        Assert.Equal([3], result.LabelsOnlyInPrediction);
        Assert.Equal([2], result.LabelsOnlyInGroundTruth);
        Assert.Contains(result.Notes, n => n.Contains("only in the prediction", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("only in the ground truth", StringComparison.Ordinal));
        var json = EvaluationJson.Serialize(result, indented: false);
        Assert.Contains("\"labelsOnlyInPrediction\":[3]", json, StringComparison.Ordinal);
        Assert.Contains("\"labelsOnlyInGroundTruth\":[2]", json, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Matching_label_maps_have_no_note()
    {
        var result = await LabelEvaluator.EvaluateAsync(new LabelEvaluationRequest(await Prediction(1), await Truth(1)));
        Assert.Equal(LabelComparison.Labels, result.Comparison);
        Assert.Empty(result.Notes);
        Assert.Equal(ExpectedDice, Assert.Single(result.Report.Segments).Dice, 1e-12);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
