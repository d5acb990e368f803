using System.Runtime.CompilerServices;

namespace PipelineSeg.Comparison.Datasets;

/// <summary>The cases of one split of a described dataset, read one at a time (a volume at a time stays in memory).</summary>
public static class LabelledDataset
{
    /// <summary>The split's names, for messages.</summary>
    public static string SplitNames(DatasetDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        return string.Join(", ", description.Splits.Keys);
    }

    /// <summary>The cases of <paramref name="split"/>; every problem is an <see cref="InvalidDataException"/> naming the file and the cause.</summary>
    public static async IAsyncEnumerable<LabelledCase> ReadAsync(DatasetDescription description, string split,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(description);
        if (!description.Splits.TryGetValue(split, out var source))
        {
            throw new InvalidDataException($"{description.Source}: no split '{split}' (splits: {SplitNames(description)})");
        }
        switch (description.Format)
        {
            case DatasetFormat.Npy:
                foreach (var c in ArrayCases.Of(description, NpyStackReader.Read(description.Resolve(source.Images)), NpyStackReader.Read(description.Resolve(source.Masks!))))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return c;
                }
                break;
            case DatasetFormat.Hdf5:
                var file = description.Resolve(source.File!);
                foreach (var c in ArrayCases.Of(description, Hdf5StackReader.Read(file, source.Images), Hdf5StackReader.Read(file, source.Masks!)))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return c;
                }
                break;
            case DatasetFormat.Nifti:
                await foreach (var c in NiftiPairReader.ReadAsync(description, source, cancellationToken).ConfigureAwait(false))
                {
                    yield return c;
                }
                break;
            case DatasetFormat.Dicom:
                await foreach (var c in DicomCaseReader.ReadAsync(description, source, cancellationToken).ConfigureAwait(false))
                {
                    yield return c;
                }
                break;
            default:
                throw new InvalidDataException($"{description.Source}: unknown format {description.Format}");
        }
    }
}
