using System.Security.Cryptography;
using AutoKms.Application.Common.Caching;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using MediatR;
using Microsoft.Extensions.Logging;

namespace AutoKms.Application.RootKeys.Commands.RotateRootKey;

/// <summary>
/// Moves every sealed blob to the new root key, one version at a time: read the blob, unseal it
/// (under whichever root sealed it), seal it under the new root, and write it back only if it is
/// unchanged, each write its own short transaction. Traffic goes on meanwhile: both roots unseal
/// until the rotation completes. A failure leaves the rotation resumable: run it again with the
/// same new key.
/// </summary>
public sealed partial class RotateRootKeyCommandHandler(
    IRootKeyCustody custody,
    ISealedMaterialStore store,
    IKeyMaterialSealer sealer,
    IUnitOfWork unitOfWork,
    CacheInvalidation caches,
    ILogger<RotateRootKeyCommandHandler> logger) : IRequestHandler<RotateRootKeyCommand, RootKeyRotationResult>
{
    public async Task<RootKeyRotationResult> Handle(RotateRootKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var rotation = await custody.BeginRotationAsync(request.NewRootKey, cancellationToken).ConfigureAwait(false);
        var resealed = 0;
        foreach (var versionId in await store.ListSealedVersionIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            var version = await store.FindSealedVersionAsync(versionId, cancellationToken).ConfigureAwait(false);
            if (version is null)
            {
                continue;
            }

            byte[] replacement;
            try
            {
                using var material = sealer.Unseal(version.Context, version.SealedMaterial);
                replacement = sealer.Seal(version.Context, material);
            }
            catch (CryptographicException)
            {
                // Opens under neither root: finishing would write it off silently.
                throw new ConflictException(
                    $"Key version {versionId} does not open under the current or the new root key; the rotation stopped and can be resumed. " +
                    "Restore or destroy that version, then run the rotation again with the same new root key.");
            }

            if (await unitOfWork.InTransactionAsync(() => store.ReplaceSealedMaterialAsync(versionId, version.SealedMaterial, replacement, cancellationToken), cancellationToken).ConfigureAwait(false))
            {
                // Cached keys hold the blob sealed under the old root, which stops opening soon.
                caches.KeyChanged(version.Context.KeyId);
                resealed++;
            }
        }

        await rotation.CompleteAsync(cancellationToken).ConfigureAwait(false);
        LogRotated(logger, resealed, rotation.NewRootKey);
        return new RootKeyRotationResult(rotation.NewRootKey, resealed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Root key rotated: {Count} key version(s) re-sealed under {RootKey}; the previous root key is no longer needed")]
    private static partial void LogRotated(ILogger logger, int count, string rootKey);
}
