using AutoKms.Domain.Common;

namespace AutoKms.Domain.Keys.Exceptions;

/// <summary>
/// A deleted key past its retention window: as good as purged, even before maintenance erases it,
/// so a client is told what it would be told after the purge (not found).
/// </summary>
public sealed class KeyRetentionOverException() : DomainException("Deleted key not found: its retention window is over")
{
    public override DomainErrorKind Kind => DomainErrorKind.NotFound;
}
