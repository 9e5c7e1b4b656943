using System.ComponentModel.DataAnnotations;
using AutoKms.Application.Cryptography.Commands.EncryptBatch;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>Up to 1000 plaintexts to encrypt in order under the primary version.</summary>
public sealed class EncryptBatchRequest
{
    /// <summary>Items shaped as the single encrypt body; a bad item fails alone.</summary>
    [Required]
    public IReadOnlyList<EncryptRequest?>? BatchInput { get; init; }

    public EncryptBatchCommand ToCommand(Guid keyId) => new(keyId, (BatchInput ?? []).Select(EncryptRequest.ToItem).ToList());
}
