namespace AutoKms.Application.Common.Interfaces;

/// <summary>
/// A request that carries secret input (plaintext, key material). <see cref="Behaviours.SecretInputBehaviour{TRequest, TResponse}"/>
/// zeroes it when the request ends, however it ends: handled, refused by a validator, or failed.
/// Only input that no answer refers to belongs here (AAD is echoed in answers, so it does not).
/// </summary>
public interface ISecretInput
{
    IEnumerable<byte[]?> Secrets { get; }
}
