using System.Globalization;

namespace PipelineSeg.Dicom;

/// <summary>
/// Orders one stack of same-size, same-orientation frames along the plane normal and derives its geometry, reporting
/// duplicates, gaps, non-uniform spacing and gantry tilt; falls back to Instance Number when positions are unusable.
/// </summary>
internal static class StackBuilder
{
    public static DicomSeries Build(List<SliceCandidate> stack, int stackIndex, DicomSeriesAssemblyOptions options,
        List<string> warnings, List<string> problems)
    {
        var first = stack[0];
        var g = first.Geometry;
        var row = g.RowDirection ?? new DicomVector3(1, 0, 0);
        var col = g.ColumnDirection ?? new DicomVector3(0, 1, 0);
        if (g.RowDirection is null || g.ColumnDirection is null)
        {
            warnings.Add("no ImageOrientationPatient: assuming axial orientation (1,0,0 / 0,1,0)");
        }
        if (Math.Abs(row.Length - 1) > 1e-2 || Math.Abs(col.Length - 1) > 1e-2 || Math.Abs(row.Dot(col)) > 1e-2)
        {
            problems.Add(F($"ImageOrientationPatient {row}/{col} is not orthonormal"));
        }
        row = row.Normalized();
        col = col.Normalized();
        var normal = row.Cross(col).Normalized();
        var spacingX = g.ColumnSpacing ?? 1.0;
        var spacingY = g.RowSpacing ?? 1.0;
        if (g.ColumnSpacing is null || g.RowSpacing is null)
        {
            warnings.Add("no PixelSpacing: assuming 1 mm");
        }
        if (first.Header.GantryTilt is { } tilt && Math.Abs(tilt) > 1e-3)
        {
            warnings.Add(F($"Gantry/Detector Tilt is {tilt} degrees"));
        }

        var usablePositions = stack.All(c => c.Geometry.Position is not null);
        List<SliceCandidate> ordered;
        double spacingZ;
        var sliceDirection = normal;
        if (usablePositions && stack.Count > 1 && Spread(stack, normal) > options.PositionTolerance)
        {
            ordered = stack.OrderBy(c => c.Geometry.Position!.Value.Dot(normal))
                .ThenBy(c => c.Header.InstanceNumber ?? int.MaxValue).ThenBy(c => c.FrameIndex).ToList();
            ordered = DropDuplicates(ordered, normal, options, warnings);
            (spacingZ, sliceDirection) = Spacing(ordered, normal, options, warnings);
        }
        else
        {
            if (stack.Count > 1)
            {
                warnings.Add(usablePositions
                    ? "all slices have the same ImagePositionPatient: ordered by Instance Number (geometry along z is a guess)"
                    : "ImagePositionPatient missing: ordered by Instance Number (geometry along z is a guess)");
            }
            ordered = stack.OrderBy(c => c.Header.InstanceNumber ?? int.MaxValue).ThenBy(c => c.FrameIndex)
                .ThenBy(c => c.Header.FilePath, StringComparer.Ordinal).ToList();
            spacingZ = g.SpacingBetweenSlices ?? g.SliceThickness ?? 1.0;
            if (spacingZ <= 0)
            {
                spacingZ = 1.0;
            }
        }
        var origin = ordered[0].Geometry.Position ?? new DicomVector3(0, 0, 0);
        var geometry = new DicomGeometry(origin, new DicomVector3(spacingX, spacingY, spacingZ), row, col, sliceDirection,
            first.Header.Columns, first.Header.Rows, ordered.Count);
        return DicomSeries.Describe(first.Header, stackIndex, ordered.Select(c => c.ToSlice()).ToList(), ordered.Select(c => c.Header))
            with { Geometry = geometry, Warnings = warnings, Problems = problems };
    }

    private static double Spread(List<SliceCandidate> stack, DicomVector3 normal)
    {
        var d = stack.Select(c => c.Geometry.Position!.Value.Dot(normal)).ToList();
        return d.Max() - d.Min();
    }

    /// <summary>Keeps one frame per position: the one from the stack's main acquisition (most frequent, then lowest).</summary>
    private static List<SliceCandidate> DropDuplicates(List<SliceCandidate> ordered, DicomVector3 normal,
        DicomSeriesAssemblyOptions options, List<string> warnings)
    {
        var preferred = ordered.GroupBy(c => c.Header.AcquisitionNumber ?? int.MinValue)
            .OrderByDescending(grp => grp.Count()).ThenBy(grp => grp.Key).First().Key;
        var kept = new List<SliceCandidate>(ordered.Count);
        var duplicates = new List<string>();
        var droppedCount = 0;
        var i = 0;
        while (i < ordered.Count)
        {
            var j = i + 1;
            var d0 = ordered[i].Geometry.Position!.Value.Dot(normal);
            while (j < ordered.Count && ordered[j].Geometry.Position!.Value.Dot(normal) - d0 <= options.PositionTolerance)
            {
                j++;
            }
            var cluster = ordered.GetRange(i, j - i);
            var keep = cluster.FirstOrDefault(c => (c.Header.AcquisitionNumber ?? int.MinValue) == preferred) ?? cluster[0];
            kept.Add(keep);
            if (cluster.Count > 1)
            {
                var dropped = string.Join(", ", cluster.Where(c => c != keep).Take(5).Select(Describe));
                var more = cluster.Count > 6 ? F($" and {cluster.Count - 6} more") : string.Empty;
                duplicates.Add(F($"duplicate position {d0:0.###} mm along the normal: kept {Describe(keep)}, dropped {dropped}{more}"));
                droppedCount += cluster.Count - 1;
            }
            i = j;
        }
        // Time series or multi-echo data duplicate every position: summarise instead of one line per position.
        warnings.AddRange(duplicates.Take(3));
        if (duplicates.Count > 3)
        {
            warnings.Add(F($"duplicate positions at {duplicates.Count} of {kept.Count} slice positions: {droppedCount} image(s) dropped in all (multi-phase, temporal or multi-echo data in one series?)"));
        }
        return kept;
    }

    private static (double Spacing, DicomVector3 Direction) Spacing(List<SliceCandidate> ordered, DicomVector3 normal,
        DicomSeriesAssemblyOptions options, List<string> warnings)
    {
        if (ordered.Count < 2)
        {
            var g = ordered[0].Geometry;
            return (g.SpacingBetweenSlices ?? g.SliceThickness ?? 1.0, normal);
        }
        var d = ordered.Select(c => c.Geometry.Position!.Value.Dot(normal)).ToArray();
        var steps = new double[d.Length - 1];
        for (var i = 0; i < steps.Length; i++)
        {
            steps[i] = d[i + 1] - d[i];
        }
        var sorted = steps.Order().ToArray();
        var typical = sorted[sorted.Length / 2];
        var tolerance = Math.Max(options.PositionTolerance, options.SpacingRelativeTolerance * typical);
        var irregular = false;
        for (var i = 0; i < steps.Length; i++)
        {
            if (steps[i] > options.GapFactor * typical)
            {
                var missing = (int)Math.Round(steps[i] / typical) - 1;
                warnings.Add(F($"gap: about {missing} missing slice(s) between {d[i]:0.###} and {d[i + 1]:0.###} mm along the normal"));
                irregular = true;
            }
        }
        if (!irregular && steps.Any(s => Math.Abs(s - typical) > tolerance))
        {
            warnings.Add(F($"non-uniform slice spacing: steps from {sorted[0]:0.####} to {sorted[^1]:0.####} mm (using {typical:0.####})"));
        }
        var firstPos = ordered[0].Geometry.Position!.Value;
        var lastPos = ordered[^1].Geometry.Position!.Value;
        var direction = (lastPos - firstPos).Normalized();
        var cos = direction.Dot(normal);
        if (Math.Sqrt(Math.Max(0, 1 - (cos * cos))) > 1e-3)
        {
            var degrees = Math.Acos(Math.Clamp(cos, -1, 1)) * 180 / Math.PI;
            warnings.Add(F($"slices are sheared (gantry tilt {degrees:0.##} degrees): slice direction differs from the plane normal"));
            return (typical / cos, direction);
        }
        return (typical, normal);
    }

    private static string Describe(SliceCandidate c) => c.Header.NumberOfFrames > 1
        ? F($"'{Path.GetFileName(c.Header.FilePath)}' frame {c.FrameIndex + 1}")
        : F($"'{Path.GetFileName(c.Header.FilePath)}' (acquisition {c.Header.AcquisitionNumber?.ToString(CultureInfo.InvariantCulture) ?? "-"})");

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
