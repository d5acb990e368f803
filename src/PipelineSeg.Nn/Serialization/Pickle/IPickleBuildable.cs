namespace PipelineSeg.Nn;

/// <summary>An unpickled object that accepts the BUILD opcode (Python's __setstate__).</summary>
internal interface IPickleBuildable
{
    void SetState(object? state);
}
