using PipelineSeg.Dicom;
using PipelineSeg.Pipeline.Routing;

namespace PipelineSeg.Host.Cli.Routing;

/// <summary>The routing decision of every image series under a path (headers only), as <c>route</c> explains and <c>batch</c> applies it.</summary>
internal static class SeriesRoutes
{
    public static async Task<IReadOnlyList<SeriesRoute>> ScanAsync(SeriesRouter router, string path, string? callingAeTitle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(router);
        var scan = await DicomSeriesScanner.ScanPathAsync(path, cancellationToken).ConfigureAwait(false);
        return scan.Series.Where(s => !SopClasses.IsSegmentation(s.SopClassUid))
            .Select(s =>
            {
                var attributes = SeriesAttributesReader.Read(s, callingAeTitle);
                return new SeriesRoute(s.Key, s.SeriesNumber, attributes, router.Route(attributes));
            })
            .ToList();
    }
}
