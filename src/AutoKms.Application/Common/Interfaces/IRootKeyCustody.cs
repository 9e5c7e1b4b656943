using AutoKms.Application.RootKeys;

namespace AutoKms.Application.Common.Interfaces;

/// <summary>
/// Where the root key is kept, for the one thing the use cases ask of it besides sealing: moving
/// every sealed blob to a new root key while the service runs.
/// </summary>
public interface IRootKeyCustody
{
    /// <summary>
    /// Opens the new root key and, from here on, seals under it while both it and the current root
    /// key unseal. Returns once every blob the current root key sealed before the switch is
    /// committed, so a listing made afterwards finds them all. Resumes an unfinished rotation to
    /// the same key. Throws <see cref="Exceptions.ConflictException"/> while another rotation runs
    /// or one to another key is unfinished, <see cref="Exceptions.InvalidRequestException"/> when the
    /// new key cannot be used (missing, readable by others, the current key already).
    /// </summary>
    Task<IRootKeyRotation> BeginRotationAsync(NewRootKey newRootKey, CancellationToken cancellationToken);
}
