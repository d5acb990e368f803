using System.Runtime.CompilerServices;

// The benchmark console times each micro-kernel path separately.
[assembly: InternalsVisibleTo("PipelineSeg.Bench")]
