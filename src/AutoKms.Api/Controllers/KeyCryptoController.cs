using AutoKms.Api.Contracts;
using AutoKms.Api.Http;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Cryptography;
using AutoKms.Application.Cryptography.Commands.Decrypt;
using AutoKms.Application.Cryptography.Commands.Encrypt;
using AutoKms.Application.Cryptography.Commands.UnwrapKey;
using AutoKms.Application.Cryptography.Commands.WrapKey;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Controllers;

/// <summary>Cryptographic operations with a key whose material never leaves the service.</summary>
[Route("kms/key/{id}")]
[Tags("Cryptography")]
[Consumes("application/json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
public sealed class KeyCryptoController(IMediator mediator) : KmsControllerBase(mediator)
{
    private const string NonceRefused = "nonce_b64 is not accepted: the service chooses every nonce (a repeated AES-GCM nonce breaks the key for every caller)";

    /// <summary>Encrypts with the key's primary version (AES-256-GCM / ChaCha20-Poly1305 with a service-chosen nonce, or RSA-OAEP-SHA256).</summary>
    /// <response code="200">The ciphertext with the version, nonce and tag decrypt needs.</response>
    /// <response code="400">Bad base64, a caller-supplied nonce, or an operation the key does not support.</response>
    /// <response code="403">The key or its primary version is disabled.</response>
    [HttpPost("encrypt")]
    [ProducesResponseType<EncryptResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<EncryptResponse>> Encrypt(string id, [FromBody] EncryptRequest request, CancellationToken cancellationToken)
    {
        RefuseNonce(request.NonceB64);
        var command = new EncryptCommand(
            RouteIds.Key(id),
            Base64Field.Decode(request.PlaintextB64, "plaintext_b64")!,
            Base64Field.Decode(request.AadB64, "aad_b64"));
        return Ok(EncryptResponse.From(await Mediator.Send(command, cancellationToken)));
    }

    /// <summary>Decrypts with the version named in the request (default: primary), so rotation never breaks an old ciphertext.</summary>
    /// <response code="200">The plaintext.</response>
    /// <response code="400">Bad base64, or the ciphertext, nonce, tag, AAD or version failed authentication (<c>Decryption failed</c>).</response>
    /// <response code="403">The key or the version is disabled or destroyed.</response>
    [HttpPost("decrypt")]
    [ProducesResponseType<DecryptResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<DecryptResponse>> Decrypt(string id, [FromBody] DecryptRequest request, CancellationToken cancellationToken)
    {
        var command = new DecryptCommand(
            RouteIds.Key(id),
            Base64Field.Decode(request.CiphertextB64, "ciphertext_b64")!,
            Base64Field.Decode(request.NonceB64, "nonce_b64"),
            Base64Field.Decode(request.TagB64, "tag_b64"),
            Base64Field.Decode(request.AadB64, "aad_b64"),
            request.Version);
        var plaintext = await Mediator.Send(command, cancellationToken);
        try
        {
            return Ok(new DecryptResponse { PlaintextB64 = Convert.ToBase64String(plaintext) });
        }
        finally
        {
            KeyCipher.Forget(plaintext);
        }
    }

    /// <summary>Wraps key material under the key's primary version.</summary>
    /// <response code="200">The wrapped key with the version, nonce and tag unwrap needs.</response>
    /// <response code="403">The key or its primary version is disabled.</response>
    [HttpPost("wrap")]
    [ProducesResponseType<WrapResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<WrapResponse>> Wrap(string id, [FromBody] WrapRequest request, CancellationToken cancellationToken)
    {
        RefuseNonce(request.NonceB64);
        var command = new WrapKeyCommand(
            RouteIds.Key(id),
            Base64Field.Decode(request.KeyMaterialB64, "key_material_b64")!,
            Base64Field.Decode(request.AadB64, "aad_b64"));
        return Ok(WrapResponse.From(await Mediator.Send(command, cancellationToken)));
    }

    /// <summary>Unwraps key material with the version named in the request (default: primary).</summary>
    /// <response code="200">The key material.</response>
    /// <response code="400">Bad base64 or failed authentication (<c>Decryption failed</c>).</response>
    /// <response code="403">The key or the version is disabled or destroyed.</response>
    [HttpPost("unwrap")]
    [ProducesResponseType<UnwrapResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<UnwrapResponse>> Unwrap(string id, [FromBody] UnwrapRequest request, CancellationToken cancellationToken)
    {
        var command = new UnwrapKeyCommand(
            RouteIds.Key(id),
            Base64Field.Decode(request.WrappedKeyB64, "wrapped_key_b64")!,
            Base64Field.Decode(request.NonceB64, "nonce_b64"),
            Base64Field.Decode(request.TagB64, "tag_b64"),
            Base64Field.Decode(request.AadB64, "aad_b64"),
            request.Version);
        var material = await Mediator.Send(command, cancellationToken);
        try
        {
            return Ok(new UnwrapResponse { KeyMaterialB64 = Convert.ToBase64String(material) });
        }
        finally
        {
            KeyCipher.Forget(material);
        }
    }

    private static void RefuseNonce(string? nonce)
    {
        if (nonce is not null)
        {
            throw new InvalidRequestException(NonceRefused);
        }
    }
}
