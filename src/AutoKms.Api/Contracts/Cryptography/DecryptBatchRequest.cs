using System.ComponentModel.DataAnnotations;
using AutoKms.Application.Cryptography.Commands.DecryptBatch;
using AutoKms.Application.Cryptography.Commands.RewrapBatch;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>Up to 1000 ciphertexts (each shaped as the single decrypt body), for batch decrypt and batch rewrap.</summary>
public sealed class DecryptBatchRequest
{
    /// <summary>Items shaped as the single decrypt body; a bad item fails alone.</summary>
    [Required]
    public IReadOnlyList<DecryptRequest?>? BatchInput { get; init; }

    public DecryptBatchCommand ToCommand(Guid keyId) => new(keyId, Items());

    public RewrapBatchCommand ToRewrapCommand(Guid keyId) => new(keyId, Items());

    private List<DecryptItem> Items() => (BatchInput ?? []).Select(DecryptRequest.ToItem).ToList();
}
