using PipelineSeg.Dicom;
using PipelineSeg.Pipeline.Volumes;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Sources;

/// <summary>
/// The rule for colour series: they reach RGB models as R, G, B channels; a model taking grey input refuses them rather
/// than guess a grey conversion (a luminance of a photograph is not the intensity a CT or MR model was trained on).
/// </summary>
public static class ColourInput
{
    /// <summary>Throws when <paramref name="series"/> is colour and one of <paramref name="models"/> takes grey input.</summary>
    /// <exception cref="InvalidDataException">The message names the series, its photometric interpretation and the model.</exception>
    public static void Require(DicomSeries series, IEnumerable<ModelManifest> models)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(models);
        if (!series.IsColour)
        {
            return;
        }
        if (models.FirstOrDefault(m => m.Input.Color != InputColor.Rgb) is { } grey)
        {
            throw new InvalidDataException(
                $"{DicomVolumeLoader.Describe(series)} is colour ({series.PhotometricInterpretation}) but model '{grey.Id}' takes grey input; only models with input.color rgb read colour series");
        }
    }
}
