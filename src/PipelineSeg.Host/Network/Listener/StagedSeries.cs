namespace PipelineSeg.Host.Network.Listener;

/// <summary>A series being received on one association: its staging folder, how many instances, when the last one came.</summary>
internal sealed class StagedSeries(string folder, string name, string callingAeTitle, DateTimeOffset started)
{
    public string Folder { get; } = folder;

    /// <summary>The folder name it gets in the inbox (no patient data: association id and a counter).</summary>
    public string Name { get; } = name;

    public string CallingAeTitle { get; } = callingAeTitle;

    public int Count { get; set; }

    public DateTimeOffset LastArrival { get; set; } = started;
}
