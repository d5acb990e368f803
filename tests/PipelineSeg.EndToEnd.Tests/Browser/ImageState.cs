namespace PipelineSeg.EndToEnd.Tests.Browser;

/// <summary>One img element as loaded: the first characters of its src, its natural size and its alt text.</summary>
internal sealed record ImageState(string Src, int NaturalWidth, int NaturalHeight, string Alt);
