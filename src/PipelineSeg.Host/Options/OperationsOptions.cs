namespace PipelineSeg.Host.Options;

/// <summary>
/// The optional HTTP endpoint of <c>serve</c> (section <c>Operations</c>): <c>/health</c>, <c>/metrics</c> (Prometheus) and
/// the read-only job dashboard at <c>/</c>. Off by default; bound to localhost unless told otherwise, because the
/// dashboard lists jobs and monitoring rarely needs more than a local agent or a reverse proxy.
/// </summary>
public sealed class OperationsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Operations";

    /// <summary>Serve the endpoint at all.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>localhost</c> (loopback, IPv4 and IPv6), <c>*</c> (every interface) or one IP address.</summary>
    public string BindAddress { get; set; } = "localhost";

    /// <summary>TCP port; 0 picks a free one (the log says which).</summary>
    public int Port { get; set; } = 8480;

    /// <summary>Jobs the dashboard lists, newest first.</summary>
    public int DashboardJobs { get; set; } = 50;
}
