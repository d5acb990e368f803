using System.Diagnostics;
using System.Text;

namespace PipelineSeg.Testing.Network;

/// <summary>
/// A DICOM peer the test starts and stops itself (dcmtk's storescp, Debian's Orthanc): a child process on loopback
/// ports with its output captured; disposing kills it (and only it) and deletes its folder.
/// </summary>
internal sealed class PeerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private PeerProcess(Process process, string folder)
    {
        _process = process;
        Folder = folder;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The peer's own temporary folder (storage, configuration).</summary>
    public string Folder { get; }

    /// <summary>What it printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="prerequisite"/>'s <paramref name="executable"/> (skipping the test when it is missing).</summary>
    public static PeerProcess Start(Prerequisite prerequisite, string executable, string folder, params string[] arguments)
    {
        prerequisite.Require();
        var psi = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }
        return new PeerProcess(Process.Start(psi) ?? throw new InvalidOperationException($"could not start {executable}"), folder);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the dying process: the temp folder is cleaned by the OS later.
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_gate)
            {
                _output.AppendLine(line);
            }
        }
    }
}
