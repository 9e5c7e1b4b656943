using AutoKms.Api.Contracts.Cryptography;
using AutoKms.Api.Http;
using AutoKms.Api.Security;
using AutoKms.Application.Cryptography.Queries.GetPublicKey;
using MediatR;
using AutoKms.Application.Common.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Controllers;

/// <summary>Cryptographic operations with a key whose material never leaves the service.</summary>
[Route("kms/key/{id}")]
[Tags("Cryptography")]
[RouteIdName("key id")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
[RateLimitClass(RateLimitClasses.Crypto)]
public sealed class KeyCryptoController(IMediator mediator) : KmsControllerBase(mediator)
{
    /// <summary>Encrypts with the key's primary version (AES-256-GCM / ChaCha20-Poly1305 with a service-chosen nonce, or RSA-OAEP-SHA256).</summary>
    /// <param name="id">The key id.</param>
    /// <param name="request">The plaintext and optional AAD.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">The ciphertext with the version, nonce and tag decrypt needs, and the self-describing <c>ciphertext</c>.</response>
    /// <response code="400">Bad base64, a caller-supplied nonce, or an operation the key does not support.</response>
    /// <response code="403">The key or its primary version is disabled.</response>
    [HttpPost("encrypt")]
    [Consumes("application/json")]
    [ProducesResponseType<EncryptResponse>(StatusCodes.Status200OK)]
    [Authorize(Policy = Scopes.Encrypt)]
    public async Task<EncryptResponse> Encrypt(Guid id, [FromBody] EncryptRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return EncryptResponse.From(await Mediator.Send(request.ToCommand(id), cancellationToken));
    }

    /// <summary>Encrypts up to 1000 plaintexts in order under the primary version; a bad item fails alone.</summary>
    /// <param name="id">The key id.</param>
    /// <param name="request">The items.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">One result per item, in order: the encrypt answer's fields, or <c>error</c>.</response>
    [HttpPost("encrypt/batch")]
    [Consumes("application/json")]
    [ProducesResponseType<EncryptBatchResponse>(StatusCodes.Status200OK)]
    [Authorize(Policy = Scopes.Encrypt)]
    public async Task<EncryptBatchResponse> EncryptBatch(Guid id, [FromBody] EncryptBatchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return EncryptBatchResponse.From(await Mediator.Send(request.ToCommand(id), cancellationToken));
    }

    /// <summary>Decrypts with the version the ciphertext names (or <c>version</c>, default primary), so rotation never breaks an old ciphertext.</summary>
    /// <remarks>Takes back an Encrypt answer (whole, or its split fields, or its self-describing ciphertext); the example is such an answer, so paste the answer of your own Encrypt call to try it.</remarks>
    /// <param name="id">The key id.</param>
    /// <param name="request">The split fields or the self-describing <c>ciphertext</c>; the encrypt answer may be sent back whole.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">The plaintext.</response>
    /// <response code="400">Bad base64, or the ciphertext, nonce, tag, AAD or version failed authentication (<c>Decryption failed</c>).</response>
    /// <response code="403">The key or the version is disabled or destroyed, or below min_decryption_version.</response>
    [HttpPost("decrypt")]
    [Consumes("application/json")]
    [ProducesResponseType<DecryptResponse>(StatusCodes.Status200OK)]
    [Authorize(Policy = Scopes.Decrypt)]
    public async Task<DecryptResponse> Decrypt(Guid id, [FromBody] DecryptRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return DecryptResponse.From(await Mediator.Send(request.ToCommand(id), cancellationToken));
    }

    /// <summary>Decrypts up to 1000 ciphertexts, each with the version it names; a bad item fails alone.</summary>
    /// <remarks>Each item is an Encrypt answer (or its split fields, or its self-describing ciphertext); paste your own answers to try it.</remarks>
    /// <param name="id">The key id.</param>
    /// <param name="request">The items, each shaped as the decrypt body.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">One result per item, in order: <c>plaintext_b64</c>, or <c>error</c>.</response>
    [HttpPost("decrypt/batch")]
    [Consumes("application/json")]
    [ProducesResponseType<DecryptBatchResponse>(StatusCodes.Status200OK)]
    [Authorize(Policy = Scopes.Decrypt)]
    public async Task<DecryptBatchResponse> DecryptBatch(Guid id, [FromBody] DecryptBatchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return DecryptBatchResponse.From(await Mediator.Send(request.ToCommand(id), cancellationToken));
    }

    /// <summary>Re-encrypts a ciphertext of any live version under the primary version; the plaintext never leaves the service.</summary>
    /// <remarks>Takes back an Encrypt answer as Decrypt does; paste the answer of your own Encrypt call to try it.</remarks>
    /// <param name="id">The key id.</param>
    /// <param name="request">The ciphertext, as for decrypt.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">The ciphertext under the primary version, shaped as the encrypt answer.</response>
    /// <response code="400">The ciphertext failed authentication.</response>
    [HttpPost("rewrap")]
    [Consumes("application/json")]
    [ProducesResponseType<EncryptResponse>(StatusCodes.Status200OK)]
    [Authorize(Policy = Scopes.Encrypt)]
    public async Task<EncryptResponse> Rewrap(Guid id, [FromBody] DecryptRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return EncryptResponse.From(await Mediator.Send(request.ToRewrapCommand(id), cancellationToken));
    }

    /// <summary>Moves up to 1000 ciphertexts to the primary version; a bad item fails alone.</summary>
    /// <remarks>Each item is an Encrypt answer, as for DecryptBatch.</remarks>
    /// <param name="id">The key id.</param>
    /// <param name="request">The items, each shaped as the decrypt body.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">One result per item, in order: the encrypt answer's fields, or <c>error</c>.</response>
    [HttpPost("rewrap/batch")]
    [Consumes("application/json")]
    [ProducesResponseType<EncryptBatchResponse>(StatusCodes.Status200OK)]
    [Authorize(Policy = Scopes.Encrypt)]
    public async Task<EncryptBatchResponse> RewrapBatch(Guid id, [FromBody] DecryptBatchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return EncryptBatchResponse.From(await Mediator.Send(request.ToRewrapCommand(id), cancellationToken));
    }

    /// <summary>Wraps key material under the key's primary version.</summary>
    /// <param name="id">The key id.</param>
    /// <param name="request">The key material and optional AAD.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">The wrapped key with the version, nonce and tag unwrap needs.</response>
    /// <response code="403">The key or its primary version is disabled.</response>
    [HttpPost("wrap")]
    [Consumes("application/json")]
    [ProducesResponseType<WrapResponse>(StatusCodes.Status200OK)]
    [Authorize(Policy = Scopes.Encrypt)]
    public async Task<WrapResponse> Wrap(Guid id, [FromBody] WrapRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return WrapResponse.From(await Mediator.Send(request.ToCommand(id), cancellationToken));
    }

    /// <summary>Unwraps key material with the version that wrapped it (default: primary).</summary>
    /// <remarks>Takes back a Wrap answer (whole, or its split fields, or its self-describing ciphertext); paste the answer of your own Wrap call to try it.</remarks>
    /// <param name="id">The key id.</param>
    /// <param name="request">The split fields or the self-describing <c>ciphertext</c>; the wrap answer may be sent back whole.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">The key material.</response>
    /// <response code="400">Bad base64 or failed authentication (<c>Decryption failed</c>).</response>
    /// <response code="403">The key or the version is disabled or destroyed.</response>
    [HttpPost("unwrap")]
    [Consumes("application/json")]
    [ProducesResponseType<UnwrapResponse>(StatusCodes.Status200OK)]
    [Authorize(Policy = Scopes.Decrypt)]
    public async Task<UnwrapResponse> Unwrap(Guid id, [FromBody] UnwrapRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return UnwrapResponse.From(await Mediator.Send(request.ToCommand(id), cancellationToken));
    }

    /// <summary>A fresh data key for envelope encryption: in the clear (unless include_plaintext is false) and wrapped under the primary version.</summary>
    /// <param name="id">The key id.</param>
    /// <param name="request">Length, AAD and whether to include the plaintext.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">The data key and its wrapped form.</response>
    [HttpPost("datakey")]
    [Consumes("application/json")]
    [ProducesResponseType<DataKeyResponse>(StatusCodes.Status200OK)]
    [Authorize(Policy = Scopes.Encrypt)]
    public async Task<DataKeyResponse> DataKey(Guid id, [FromBody] DataKeyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return DataKeyResponse.From(await Mediator.Send(request.ToCommand(id), cancellationToken));
    }

    /// <summary>Signs a message or SHA-256 digest with the primary version (RSA-PSS-SHA256 or ECDSA P-256, DER). The key must be sign_verify.</summary>
    /// <remarks>Try it with the key the CreateKey example ec_signing makes.</remarks>
    /// <param name="id">The key id.</param>
    /// <param name="request">The message or its digest.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">The signature.</response>
    /// <response code="400">The key is not a signing key.</response>
    [HttpPost("sign")]
    [Consumes("application/json")]
    [ProducesResponseType<SignResponse>(StatusCodes.Status200OK)]
    [Authorize(Policy = Scopes.Sign)]
    public async Task<SignResponse> Sign(Guid id, [FromBody] SignRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SignResponse.From(await Mediator.Send(request.ToCommand(id), cancellationToken));
    }

    /// <summary>Verifies a signature with the version named (default: primary). A bad signature answers <c>{"valid": false}</c>.</summary>
    /// <remarks>The example's signature is not one of your key's, so it answers {"valid": false}; paste a Sign answer's signature_b64 for true.</remarks>
    /// <param name="id">The key id.</param>
    /// <param name="request">The message (or digest) and the signature.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200"><c>{"valid": true}</c> or <c>{"valid": false}</c>.</response>
    [HttpPost("verify")]
    [Consumes("application/json")]
    [ProducesResponseType<VerifyResponse>(StatusCodes.Status200OK)]
    [Authorize(Policy = Scopes.Verify)]
    public async Task<VerifyResponse> Verify(Guid id, [FromBody] VerifyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return VerifyResponse.From(await Mediator.Send(request.ToCommand(id), cancellationToken));
    }

    /// <summary>HMAC-SHA256 of a message with the primary version of an HMAC_SHA256 key.</summary>
    /// <remarks>Try it with the key the CreateKey example hmac makes.</remarks>
    /// <param name="id">The key id.</param>
    /// <param name="request">The message.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">The MAC.</response>
    [HttpPost("mac")]
    [Consumes("application/json")]
    [ProducesResponseType<MacResponse>(StatusCodes.Status200OK)]
    [Authorize(Policy = Scopes.Sign)]
    public async Task<MacResponse> Mac(Guid id, [FromBody] MacRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return MacResponse.From(await Mediator.Send(request.ToCommand(id), cancellationToken));
    }

    /// <summary>Checks a MAC in constant time. A wrong MAC answers <c>{"valid": false}</c>.</summary>
    /// <remarks>The example's MAC is not one of your key's, so it answers {"valid": false}; paste a Mac answer's mac_b64 for true.</remarks>
    /// <param name="id">The key id.</param>
    /// <param name="request">The message and the MAC.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200"><c>{"valid": true}</c> or <c>{"valid": false}</c>.</response>
    [HttpPost("verify_mac")]
    [Consumes("application/json")]
    [ProducesResponseType<VerifyResponse>(StatusCodes.Status200OK)]
    [Authorize(Policy = Scopes.Verify)]
    public async Task<VerifyResponse> VerifyMac(Guid id, [FromBody] VerifyMacRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return VerifyResponse.From(await Mediator.Send(request.ToCommand(id), cancellationToken));
    }

    /// <summary>The public key of an asymmetric key version as PEM and JWK (400 for symmetric keys).</summary>
    /// <param name="id">The key id.</param>
    /// <param name="version">The version (default: primary).</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">The public key.</response>
    /// <response code="400">The key is symmetric.</response>
    [HttpGet("public_key")]
    [ProducesResponseType<PublicKeyResponse>(StatusCodes.Status200OK)]
    [Authorize(Policy = Scopes.Verify)]
    public async Task<PublicKeyResponse> GetPublicKey(Guid id, [FromQuery] int? version, CancellationToken cancellationToken) =>
        PublicKeyResponse.From(await Mediator.Send(new GetPublicKeyQuery(id, version), cancellationToken));
}
