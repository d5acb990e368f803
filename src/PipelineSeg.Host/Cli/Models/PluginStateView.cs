using System.Globalization;
using PipelineSeg.Plugins.Hosting;

namespace PipelineSeg.Host.Cli.Models;

/// <summary>How <c>models</c> shows a plugin folder's state: loaded / refused with reasons / reloaded at, leases and the last fault.</summary>
internal static class PluginStateView
{
    /// <summary>The <c>plugins</c> entry of <c>models --json</c>.</summary>
    public static object Json(PluginState s) => new
    {
        s.Directory,
        s.Id,
        s.Version,
        State = s.Status == PluginStatus.Loaded ? "loaded" : "refused",
        s.Reasons,
        s.LoadedAt,
        s.ReloadedAt,
        s.Leases,
        s.ReloadPending,
        s.LastFault,
    };

    /// <summary>One line for the text listing.</summary>
    public static string Line(PluginState s)
    {
        var name = Path.GetFileName(s.Directory);
        var what = s.Status == PluginStatus.Loaded ? $"loaded {s.Id} {s.Version}" : "refused";
        var reloaded = s.ReloadedAt is { } at ? $", reloaded at {at.ToString("u", CultureInfo.InvariantCulture)}" : string.Empty;
        var pending = s.ReloadPending ? $", reload pending ({s.Leases} job(s) hold it)" : string.Empty;
        var fault = s.LastFault is { } f ? $", last fault {f}" : string.Empty;
        return $"plugin {name}: {what} (since {s.LoadedAt.ToString("u", CultureInfo.InvariantCulture)}{reloaded}{pending}{fault})";
    }
}
