using System.Diagnostics;
using System.Globalization;
using System.Text;
namespace PipelineSeg.Testing;

/// <summary>
/// The real <c>pipelineseg serve</c> as a child process, its log (standard error) captured line by line so a test can
/// wait for a line instead of sleeping. Disposing stops it with SIGTERM (then kills it if it hangs).
/// </summary>
internal sealed class ServeProcess : IDisposable
{
    /// <summary>Generous for a loaded 2-core machine; a passing run takes seconds.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly Lock _gate = new();

    private ServeProcess(Process process)
    {
        _process = process;
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

    /// <summary>Everything logged so far.</summary>
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

    /// <summary>The exit code once stopped.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <c>pipelineseg serve</c> with <paramref name="arguments"/>.</summary>
    public static ServeProcess Start(params string[] arguments) => Start(new Dictionary<string, string>(), arguments);

    /// <summary>Starts <c>pipelineseg serve</c> with <paramref name="arguments"/> and extra <paramref name="environment"/> variables.</summary>
    public static ServeProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        Assert.True(File.Exists(HostBuild.Dll), $"host not built: {HostBuild.Dll}");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment)
        {
            psi.Environment[name] = value;
        }
        foreach (var a in new[] { HostBuild.Dll, "serve" }.Concat(arguments))
        {
            psi.ArgumentList.Add(a);
        }
        return new ServeProcess(Process.Start(psi)!);
    }

    /// <summary>Waits until the log has a line containing every one of <paramref name="parts"/>; returns that line.</summary>
    public async Task<string> WaitForLogAsync(params string[] parts)
    {
        string? line = null;
        await WaitUntilAsync(() => (line = Log.Split('\n').FirstOrDefault(l => parts.All(p => l.Contains(p, StringComparison.Ordinal)))) is not null,
            $"a log line with {string.Join(" + ", parts)}").ConfigureAwait(false);
        return line!;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with the log when it does not within <see cref="Patience"/>.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (_process.HasExited)
            {
                Assert.Fail($"serve exited ({_process.ExitCode}) while waiting for {what}:\n{Log}");
            }
            Assert.True(clock.Elapsed < Patience, $"no {what} within {Patience}:\n{Log}");
            await Task.Delay(200).ConfigureAwait(false);
        }
    }

    /// <summary>kill -9: no shutdown code runs (the crash the journal and the folders must survive).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            ExternalTool.Run("sh", ["-c", "kill -KILL " + _process.Id.ToString(CultureInfo.InvariantCulture)]);
        }
        _process.WaitForExit();
    }

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>SIGTERM as a service manager sends it (sh's builtin kill: no procps needed); returns the exit code.</summary>
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
        _process.WaitForExit(); // drains the asynchronous log readers
        return _process.ExitCode;
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
    }
}
