namespace PipelineSeg.Host.Network.Delivery;

/// <summary>A configured destination that results are delivered to.</summary>
internal interface IResultDestination
{
    /// <summary>The configured name.</summary>
    string Name { get; }

    /// <summary>For logs: where it sends (no credentials).</summary>
    string Describe();

    /// <summary>
    /// Sends <paramref name="files"/> of job <paramref name="job"/>, calling <paramref name="sent"/> after each file the
    /// destination has confirmed; throws when the destination is down or refuses (the rest is retried later).
    /// </summary>
    Task SendAsync(string job, IReadOnlyList<string> files, Func<IReadOnlyList<string>, Task> sent, CancellationToken cancellationToken);
}
