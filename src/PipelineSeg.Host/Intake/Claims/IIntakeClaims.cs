using PipelineSeg.Host.Intake.Processing;

namespace PipelineSeg.Host.Intake.Claims;

/// <summary>
/// Decides whether an item is processed now, and where its results go. Today the output folder is the record
/// (<see cref="OutputFolderClaims"/>); a durable journal with atomic claims slots in here.
/// </summary>
internal interface IIntakeClaims
{
    /// <summary>Claims <paramref name="item"/>, or says why it is not processed.</summary>
    ValueTask<IntakeClaim> ClaimAsync(IntakeItem item, CancellationToken cancellationToken);
}
