using PipelineSeg.Comparison.Datasets;
using PipelineSeg.Comparison.Tests.Support;
using PipelineSeg.Tensors;

namespace PipelineSeg.Comparison.Tests.Datasets;

/// <summary>npy and HDF5 datasets: shapes, intensity, mask rule, splits, and errors that name the file and the cause.</summary>
public sealed class ArrayDatasetTests
{
    [SkippableFact]
    public async Task Npy_pairs_become_2d_cases_in_hu_with_thresholded_masks()
    {
        using var dir = new ScratchFolder();
        DatasetFiles.WriteNpy(dir.Path, "test");
        await File.WriteAllTextAsync(dir.File("dataset.json"), """
            { "format": "npy", "splits": { "test": { "images": "x_test.npy", "masks": "y_test.npy" } },
              "intensity": { "kind": "scaled", "min": -1000, "max": 400 }, "pixelSpacingMm": [0.5, 0.6], "maskThreshold": 0.5 }
            """);
        var cases = await ReadAsync(dir.Path, "test");
        Assert.Equal(DatasetFiles.Count, cases.Count);
        Assert.All(cases, c => Assert.True(c.Planar));
        var second = cases[1];
        Assert.Equal("x_test.npy[1]", second.Id);
        Assert.Equal((DatasetFiles.Width, DatasetFiles.Height, 1), (second.Image.Width, second.Image.Height, second.Image.Depth));
        Assert.Equal((0.5, 0.6), (second.Image.Geometry.Spacing.X, second.Image.Geometry.Spacing.Y));
        Assert.Equal(-1000 + (DatasetFiles.Image(1, 2, 3) * 1400), second.Image[3, 2, 0], 3);
        // columns 2..4 hold 0.5, 0.75, 1: ground truth at ≥ 0.5
        Assert.Equal([0, 0, 1, 1, 1], Enumerable.Range(0, DatasetFiles.Width).Select(x => (int)second.Truth[x, 1, 0]));
        Assert.DoesNotContain((byte)1, cases[2].Truth.Span.ToArray());
    }

    [SkippableFact]
    public async Task A_folder_of_npy_pairs_needs_no_description_and_mask_labels_replace_the_threshold()
    {
        using var dir = new ScratchFolder();
        DatasetFiles.WriteNpy(dir.Path, "val");
        var description = await DatasetDescriptionReader.ReadAsync(dir.Path);
        Assert.Equal(DatasetFormat.Npy, description.Format);
        Assert.Equal(["val"], description.Splits.Keys);
        var cases = await ReadAsync(dir.Path, "val");
        Assert.Equal(DatasetFiles.Image(0, 1, 1), cases[0].Image[1, 1, 0]); // HU: unchanged
        await File.WriteAllTextAsync(dir.File("dataset.json"), """{ "format": "npy", "splits": { "val": { "images": "x_val.npy", "masks": "y_val.npy" } }, "maskLabels": [1] }""");
        var labelled = await ReadAsync(dir.Path, "val");
        Assert.Equal([0, 0, 0, 0, 1], Enumerable.Range(0, DatasetFiles.Width).Select(x => (int)labelled[0].Truth[x, 0, 0]));
    }

    [SkippableFact]
    public async Task Hdf5_datasets_by_name_read_like_npy()
    {
        using var dir = new ScratchFolder();
        // N×1×H×W float32 images and float64 labels, as in the MSD lung-tumour patches
        ExternalTool.RunPython($$"""
            import sys, h5py, numpy as np
            n, h, w = {{DatasetFiles.Count}}, {{DatasetFiles.Height}}, {{DatasetFiles.Width}}
            idx = np.arange(n * h * w).reshape(n, 1, h, w)
            x = (idx / 100.0).astype(np.float32)
            y = np.tile((np.arange(w) / 4.0)[None, None, None, :], (n, 1, h, 1))
            y[2] = 0
            with h5py.File(sys.argv[1], "w") as f:
                f.create_dataset("images", data=x)
                f.create_dataset("labels", data=y.astype(np.float64))
            """, dir.File("test_patches.h5"));
        await File.WriteAllTextAsync(dir.File("dataset.json"), """
            { "format": "hdf5", "splits": { "test": { "file": "test_patches.h5", "images": "images", "masks": "labels" } } }
            """);
        var h5 = await ReadAsync(dir.Path, "test");
        DatasetFiles.WriteNpy(dir.Path, "test");
        File.Delete(dir.File("dataset.json"));
        var npy = await ReadAsync(dir.Path, "test");
        Assert.Equal(npy.Count, h5.Count);
        for (var k = 0; k < npy.Count; k++)
        {
            Assert.Equal(npy[k].Image.Span.ToArray(), h5[k].Image.Span.ToArray());
            Assert.Equal(npy[k].Truth.Span.ToArray(), h5[k].Truth.Span.ToArray());
        }
        Assert.Equal("test_patches.h5:images[0]", h5[0].Id);

        await File.WriteAllTextAsync(dir.File("dataset.json"), """
            { "format": "hdf5", "splits": { "test": { "file": "test_patches.h5", "images": "imgs", "masks": "labels" } } }
            """);
        var missing = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(dir.Path, "test"));
        Assert.Contains("test_patches.h5: no dataset 'imgs' (found: images, labels)", missing.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Bad_input_names_the_file_and_the_cause()
    {
        using var dir = new ScratchFolder();
        NpyFile.Write(dir.File("x_test.npy"), new float[2 * 4 * 5 * 3], [2, 4, 5, 3]);
        NpyFile.Write(dir.File("y_test.npy"), new float[2 * 4 * 5], [2, 4, 5]);
        var shape = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(dir.Path, "test"));
        Assert.Contains("x_test.npy: shape (2, 4, 5, 3) is not N×H×W", shape.Message, StringComparison.Ordinal);

        NpyFile.Write(dir.File("x_test.npy"), new float[3 * 4 * 5], [3, 4, 5]);
        var pairs = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(dir.Path, "test"));
        Assert.Contains("y_test.npy: 2 masks of 4×5 do not pair with", pairs.Message, StringComparison.Ordinal);

        var split = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(dir.Path, "train"));
        Assert.Contains("no split 'train' (splits: test)", split.Message, StringComparison.Ordinal);

        await File.WriteAllTextAsync(dir.File("dataset.json"), """{ "format": "npy", "splits": { "test": { "images": "x_test.npy" } }, "spacing": 1 }""");
        var unknown = await Assert.ThrowsAsync<InvalidDataException>(() => DatasetDescriptionReader.ReadAsync(dir.Path));
        Assert.Contains("dataset.json: not a valid dataset description", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("spacing", unknown.Message, StringComparison.Ordinal);

        await File.WriteAllTextAsync(dir.File("dataset.json"), """{ "format": "npy", "splits": { "test": { "images": "x_test.npy" } }, "intensity": { "kind": "scaled", "min": 5, "max": 5 } }""");
        var invalid = await Assert.ThrowsAsync<InvalidDataException>(() => DatasetDescriptionReader.ReadAsync(dir.Path));
        Assert.Contains("splits.test.masks is required for npy", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("intensity.max (5) must be greater than intensity.min (5)", invalid.Message, StringComparison.Ordinal);

        File.WriteAllText(dir.File("x_test.npy"), "not numpy");
        File.Delete(dir.File("dataset.json"));
        var damaged = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(dir.Path, "test"));
        Assert.Contains("x_test.npy: not a .npy file", damaged.Message, StringComparison.Ordinal);
    }

    private static async Task<List<LabelledCase>> ReadAsync(string path, string split)
    {
        var description = await DatasetDescriptionReader.ReadAsync(path);
        var cases = new List<LabelledCase>();
        await foreach (var c in LabelledDataset.ReadAsync(description, split))
        {
            cases.Add(c);
        }
        return cases;
    }
}
