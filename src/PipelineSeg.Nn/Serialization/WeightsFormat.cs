namespace PipelineSeg.Nn;

/// <summary>Tells weight file formats apart by their first bytes (a .pth may be renamed, a .bin may be either).</summary>
public static class WeightsFormat
{
    /// <summary>True for a torch.save file (zip or legacy pickle), false otherwise (safetensors is then assumed).</summary>
    public static bool IsTorch(string path)
    {
        var head = new byte[4];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return TorchCheckpointFile.IsTorchFile(head.AsSpan(0, read));
    }
}
