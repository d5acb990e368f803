namespace PipelineSeg.Host.Cli.Models;

/// <summary>What <c>models new</c> was asked for.</summary>
/// <param name="Checkpoint">The PyTorch checkpoint or safetensors file.</param>
/// <param name="Preset">The reference implementation (selects the family).</param>
/// <param name="Name">Model id and plugin folder name.</param>
/// <param name="Parameters">Constructor arguments (preset added).</param>
/// <param name="Plugin">Family plugin when the preset alone is ambiguous.</param>
/// <param name="Output">Plugin folder to write; default plugins folder/NAME.</param>
/// <param name="Size">Input height and width.</param>
/// <param name="Window">CT window (centre, width) mapped to [0, 1].</param>
/// <param name="Classes">Output classes with their codes, background first.</param>
internal sealed record NewModelRequest(string Checkpoint, string Preset, string Name, IReadOnlyDictionary<string, string> Parameters, string? Plugin,
    string? Output, int Size, (double Center, double Width) Window, IReadOnlyList<PipelineSeg.Plugins.Abstractions.SegmentClass> Classes);
