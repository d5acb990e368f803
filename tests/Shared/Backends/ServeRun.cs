using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace PipelineSeg.Testing;

/// <summary>
/// <c>pipelineseg serve --config FILE</c> as a child process, its log (standard error) captured so a test waits for a
/// line instead of sleeping; disposing stops it with SIGTERM as a service manager does.
/// </summary>
internal sealed class ServeRun : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly Lock _gate = new();

    public ServeRun(string config)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { BackendHost.Dll, "serve", "--config", config })
        {
            psi.ArgumentList.Add(a);
        }
        _process = Process.Start(psi)!;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_gate)
                {
                    _log.AppendLine(e.Data);
                }
            }
        };
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public string Log
    {
        get
        {
            lock (_gate)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Waits until a log line contains every one of <paramref name="parts"/>; returns that line.</summary>
    public async Task<string> WaitForLogAsync(params string[] parts)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var line = Log.Split('\n').FirstOrDefault(l => parts.All(p => l.Contains(p, StringComparison.Ordinal)));
            if (line is not null)
            {
                return line;
            }
            Assert.False(_process.HasExited, $"serve exited ({(_process.HasExited ? _process.ExitCode : 0)}) while waiting for {string.Join(" + ", parts)}:\n{Log}");
            Assert.True(clock.Elapsed < Patience, $"no log line with {string.Join(" + ", parts)} within {Patience}:\n{Log}");
            await Task.Delay(200);
        }
    }

    /// <summary>SIGTERM; returns the exit code.</summary>
    public int Stop()
    {
        if (!_process.HasExited)
        {
            ExternalTool.Run("sh", ["-c", "kill -TERM " + _process.Id.ToString(CultureInfo.InvariantCulture)]);
            if (!_process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
    }
}
