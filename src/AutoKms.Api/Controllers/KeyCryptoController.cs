using AutoKms.Api.Contracts;
using AutoKms.Api.Http;
using AutoKms.Api.Operations;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Controllers;

/// <summary>Cryptographic operations with a key whose material never leaves the service.</summary>
[Route("kms/key/{id}")]
[Tags("Cryptography")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
public sealed class KeyCryptoController(KmsOperations operations) : KmsControllerBase(operations)
{
    /// <summary>Encrypts with the key's primary version (AES-256-GCM / ChaCha20-Poly1305 with a service-chosen nonce, or RSA-OAEP-SHA256).</summary>
    /// <remarks>With <c>batch_input</c> (up to 1000 items) the answer is <c>{"batch_results": [...]}</c> in order; a failed item is <c>{"error": "..."}</c>.</remarks>
    /// <response code="200">The ciphertext with the version, nonce and tag decrypt needs, and the self-describing <c>ciphertext</c>.</response>
    /// <response code="400">Bad base64, a caller-supplied nonce, or an operation the key does not support.</response>
    /// <response code="403">The key or its primary version is disabled.</response>
    [HttpPost("encrypt")]
    [Consumes("application/json")]
    [ProducesResponseType<EncryptResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<BatchResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Encrypt(string id, [FromBody] EncryptRequest request, CancellationToken cancellationToken) =>
        Ok(await Operations.EncryptAsync(RouteIds.Key(id), request, cancellationToken));

    /// <summary>Decrypts with the version the ciphertext names (or <c>version</c>, default primary), so rotation never breaks an old ciphertext.</summary>
    /// <remarks>Takes the split fields or the self-describing <c>ciphertext</c>; <c>batch_input</c> as for encrypt.</remarks>
    /// <response code="200">The plaintext.</response>
    /// <response code="400">Bad base64, or the ciphertext, nonce, tag, AAD or version failed authentication (<c>Decryption failed</c>).</response>
    /// <response code="403">The key or the version is disabled or destroyed, or below min_decryption_version.</response>
    [HttpPost("decrypt")]
    [Consumes("application/json")]
    [ProducesResponseType<DecryptResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<BatchResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Decrypt(string id, [FromBody] DecryptRequest request, CancellationToken cancellationToken) =>
        Ok(await Operations.DecryptAsync(RouteIds.Key(id), request, cancellationToken));

    /// <summary>Wraps key material under the key's primary version.</summary>
    /// <response code="200">The wrapped key with the version, nonce and tag unwrap needs.</response>
    /// <response code="403">The key or its primary version is disabled.</response>
    [HttpPost("wrap")]
    [Consumes("application/json")]
    [ProducesResponseType<WrapResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<WrapResponse>> Wrap(string id, [FromBody] WrapRequest request, CancellationToken cancellationToken) =>
        Ok(await Operations.WrapAsync(RouteIds.Key(id), request, cancellationToken));

    /// <summary>Unwraps key material with the version that wrapped it (default: primary).</summary>
    /// <response code="200">The key material.</response>
    /// <response code="400">Bad base64 or failed authentication (<c>Decryption failed</c>).</response>
    /// <response code="403">The key or the version is disabled or destroyed.</response>
    [HttpPost("unwrap")]
    [Consumes("application/json")]
    [ProducesResponseType<UnwrapResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<UnwrapResponse>> Unwrap(string id, [FromBody] UnwrapRequest request, CancellationToken cancellationToken) =>
        Ok(await Operations.UnwrapAsync(RouteIds.Key(id), request, cancellationToken));

    /// <summary>Re-encrypts a ciphertext of any live version under the primary version; the plaintext never leaves the service.</summary>
    /// <remarks>Same body as decrypt (split fields or <c>ciphertext</c>, optional <c>batch_input</c>); answers as encrypt does.</remarks>
    /// <response code="200">The ciphertext under the primary version.</response>
    /// <response code="400">The ciphertext failed authentication.</response>
    [HttpPost("rewrap")]
    [Consumes("application/json")]
    [ProducesResponseType<EncryptResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<BatchResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Rewrap(string id, [FromBody] DecryptRequest request, CancellationToken cancellationToken) =>
        Ok(await Operations.RewrapAsync(RouteIds.Key(id), request, cancellationToken));

    /// <summary>A fresh data key for envelope encryption: in the clear (unless include_plaintext is false) and wrapped under the primary version.</summary>
    /// <response code="200">The data key and its wrapped form.</response>
    [HttpPost("datakey")]
    [Consumes("application/json")]
    [ProducesResponseType<DataKeyResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<DataKeyResponse>> DataKey(string id, [FromBody] DataKeyRequest request, CancellationToken cancellationToken) =>
        Ok(await Operations.DataKeyAsync(RouteIds.Key(id), request, cancellationToken));

    /// <summary>Signs a message or SHA-256 digest with the primary version (RSA-PSS-SHA256 or ECDSA P-256, DER). The key must be sign_verify.</summary>
    /// <response code="200">The signature.</response>
    /// <response code="400">The key is not a signing key.</response>
    [HttpPost("sign")]
    [Consumes("application/json")]
    [ProducesResponseType<SignResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<SignResponse>> Sign(string id, [FromBody] SignRequest request, CancellationToken cancellationToken) =>
        Ok(await Operations.SignAsync(RouteIds.Key(id), request, cancellationToken));

    /// <summary>Verifies a signature with the version named (default: primary). A bad signature answers <c>{"valid": false}</c>.</summary>
    /// <response code="200"><c>{"valid": true}</c> or <c>{"valid": false}</c>.</response>
    [HttpPost("verify")]
    [Consumes("application/json")]
    [ProducesResponseType<VerifyResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<VerifyResponse>> Verify(string id, [FromBody] VerifyRequest request, CancellationToken cancellationToken) =>
        Ok(await Operations.VerifyAsync(RouteIds.Key(id), request, cancellationToken));

    /// <summary>HMAC-SHA256 of a message with the primary version of an HMAC_SHA256 key.</summary>
    /// <response code="200">The MAC.</response>
    [HttpPost("mac")]
    [Consumes("application/json")]
    [ProducesResponseType<MacResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<MacResponse>> Mac(string id, [FromBody] MacRequest request, CancellationToken cancellationToken) =>
        Ok(await Operations.MacAsync(RouteIds.Key(id), request, cancellationToken));

    /// <summary>Checks a MAC in constant time. A wrong MAC answers <c>{"valid": false}</c>.</summary>
    /// <response code="200"><c>{"valid": true}</c> or <c>{"valid": false}</c>.</response>
    [HttpPost("verify_mac")]
    [Consumes("application/json")]
    [ProducesResponseType<VerifyResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<VerifyResponse>> VerifyMac(string id, [FromBody] VerifyMacRequest request, CancellationToken cancellationToken) =>
        Ok(await Operations.VerifyMacAsync(RouteIds.Key(id), request, cancellationToken));

    /// <summary>The public key of an asymmetric key version as PEM and JWK (400 for symmetric keys).</summary>
    /// <param name="id">The key id.</param>
    /// <param name="version">The version (default: primary).</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">The public key.</response>
    /// <response code="400">The key is symmetric.</response>
    [HttpGet("public_key")]
    [ProducesResponseType<PublicKeyResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<PublicKeyResponse>> GetPublicKey(string id, [FromQuery] int? version, CancellationToken cancellationToken) =>
        Ok(await Operations.PublicKeyAsync(RouteIds.Key(id), version, cancellationToken));
}
