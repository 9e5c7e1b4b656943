namespace AutoKms.Application.Common.Interfaces;

/// <summary>
/// Whether the current caller may touch a key of a given name (a token limited to
/// <c>billing-*</c> may not touch <c>hr-a</c>). The host decides, with its authorisation policies;
/// work the service does by itself may touch every key.
/// </summary>
public interface IKeyAccess
{
    /// <summary>Throws <see cref="Exceptions.AccessDeniedException"/> (403) when the caller may not use the key.</summary>
    Task EnsureMayUseAsync(string keyName, CancellationToken cancellationToken);
}
