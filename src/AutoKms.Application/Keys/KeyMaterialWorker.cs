using AutoKms.Application.Common;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Metrics;
using AutoKms.Application.Cryptography;
using AutoKms.Domain.Keys;
using Microsoft.Extensions.Options;

namespace AutoKms.Application.Keys;

/// <summary>
/// Generates key material. Asymmetric generation (RSA above all: about a second of CPU for
/// RSA-3072) runs on at most <see cref="KeyLimits.EffectiveGenerationConcurrency"/> threads at once
/// and waits for its turn cancellably, so a flood of creations cannot take every core from
/// encrypt and decrypt. Symmetric material is a few random bytes and is made at once. The
/// asymmetric generations queued and running show in <c>autokms.key_generation.pending</c>.
/// </summary>
public sealed class KeyMaterialWorker(ICryptoProvider crypto, IOptions<KeyLimits> limits, KmsMetrics? metrics = null) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(limits.Value.EffectiveGenerationConcurrency);

    public async Task<KeyMaterial> GenerateAsync(KeyAlgorithm algorithm, CancellationToken cancellationToken)
    {
        if (!KeyAlgorithmRules.IsAsymmetric(algorithm))
        {
            return crypto.GenerateKeyMaterial(algorithm);
        }

        metrics?.KeyGenerationQueued(1);
        try
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            metrics?.KeyGenerationQueued(-1);
        }

        metrics?.KeyGenerationRunning(1);
        try
        {
            return await Task.Run(() => crypto.GenerateKeyMaterial(algorithm), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            metrics?.KeyGenerationRunning(-1);
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
