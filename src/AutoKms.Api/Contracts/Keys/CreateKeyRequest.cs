using System.ComponentModel.DataAnnotations;
using AutoKms.Application.Keys.Commands.CreateKey;

namespace AutoKms.Api.Contracts.Keys;

/// <summary>A key to create.</summary>
public sealed class CreateKeyRequest
{
    /// <summary>Unique name, 1 to 120 characters.</summary>
    /// <example>demo</example>
    [Required]
    public string? Name { get; init; }

    /// <summary>AES256_GCM, CHACHA20_POLY1305, RSA2048, RSA3072, EC_P256 or HMAC_SHA256.</summary>
    /// <example>AES256_GCM</example>
    [Required]
    public string? Algorithm { get; init; }

    /// <summary>encrypt_decrypt (default for AES, ChaCha and RSA), sign_verify (RSA, EC) or mac (HMAC).</summary>
    /// <example>encrypt_decrypt</example>
    public string? Usage { get; init; }

    /// <summary>Rotate automatically every this many days (1 to 3650).</summary>
    /// <example>90</example>
    public int? RotationPeriodDays { get; init; }

    public CreateKeyCommand ToCommand() => new(Name!, Algorithm!, Usage, RotationPeriodDays);
}
