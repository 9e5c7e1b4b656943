using AutoKms.Application.Common;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Domain.Keys;
using Microsoft.Extensions.Options;

namespace AutoKms.Application.Keys;

/// <summary>
/// How many asymmetric keys the current request has created: one per request scope, so a REST
/// array and a whole JSON-RPC batch (whose calls share the request) count together.
/// </summary>
public sealed class KeyCreationBudget(IOptions<KeyLimits> limits)
{
    private int _asymmetric;

    public void Spend(IEnumerable<KeyAlgorithm> algorithms)
    {
        ArgumentNullException.ThrowIfNull(algorithms);
        var wanted = algorithms.Count(KeyAlgorithmRules.IsAsymmetric);
        var max = limits.Value.MaxAsymmetricKeysPerRequest;
        if (_asymmetric + wanted > max)
        {
            throw new InvalidRequestException($"One request creates at most {max} RSA or EC keys (Kms:Limits:MaxAsymmetricKeysPerRequest); send the rest in further requests");
        }

        _asymmetric += wanted;
    }
}
