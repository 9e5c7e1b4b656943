using AutoKms.Application.Common;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Domain.Keys;
using Microsoft.Extensions.Options;

namespace AutoKms.Application.Keys;

/// <summary>
/// How many asymmetric keys (and key versions, each a new key pair) the current request has
/// generated: one per request scope, so a REST array and a whole JSON-RPC batch (whose calls share
/// the request) count together. Work the service does by itself (scheduled rotation) is not bounded here.
/// </summary>
public sealed class KeyCreationBudget(IOptions<KeyLimits> limits, ICallerContext context)
{
    private int _asymmetric;

    public void Spend(IEnumerable<KeyAlgorithm> algorithms)
    {
        ArgumentNullException.ThrowIfNull(algorithms);
        if (ReferenceEquals(context.Caller, Common.Security.Caller.Service))
        {
            return;
        }

        var wanted = algorithms.Count(KeyAlgorithmRules.IsAsymmetric);
        var max = limits.Value.MaxAsymmetricKeysPerRequest;
        if (_asymmetric + wanted > max)
        {
            throw new InvalidRequestException($"One request creates at most {max} RSA or EC keys or versions (Kms:Limits:MaxAsymmetricKeysPerRequest); send the rest in further requests");
        }

        _asymmetric += wanted;
    }
}
