using AutoKms.Application.Common.Crypto;
using AutoKms.Api.Contracts;
using AutoKms.Api.Http;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Models;
using AutoKms.Application.Cryptography;
using AutoKms.Application.Cryptography.Commands.DecryptBatch;
using AutoKms.Application.Cryptography.Commands.EncryptBatch;

namespace AutoKms.Api.Operations;

/// <summary>
/// Wire fields to application values and back: base64 decoding, the self-describing ciphertext,
/// the nonce refusal, batch items. Shared by the REST controllers and JSON-RPC.
/// </summary>
public static class WireTranslation
{
    public const string NonceRefused = "nonce_b64 is not accepted: the service chooses every nonce (a repeated AES-GCM nonce breaks the key for every caller)";

    public static void RefuseNonce(string? nonce)
    {
        if (nonce is not null)
        {
            throw new InvalidRequestException(NonceRefused);
        }
    }

    /// <summary>A body with <c>batch_input</c> carries nothing else: a stray single field would be silently ignored.</summary>
    public static void RefuseMixedBatch(string? singleField)
    {
        if (singleField is not null)
        {
            throw new InvalidRequestException("Send either batch_input or the single-item fields, not both.");
        }
    }

    /// <summary>The self-describing <c>ciphertext</c> when given, else the split fields.</summary>
    public static EncryptedData Encrypted(string? selfDescribing, string? ciphertextB64, string ciphertextField, string? nonceB64, string? tagB64) =>
        selfDescribing is not null
            ? AkmsCiphertext.Parse(selfDescribing, "ciphertext")
            : new EncryptedData(Base64Field.Decode(ciphertextB64, ciphertextField), Base64Field.Decode(nonceB64, "nonce_b64"), Base64Field.Decode(tagB64, "tag_b64"));

    public static EncryptedData Encrypted(DecryptRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Encrypted(request.Ciphertext, request.CiphertextB64, "ciphertext_b64", request.NonceB64, request.TagB64);
    }

    public static EncryptItem EncryptItem(EncryptRequest? item)
    {
        if (item is null)
        {
            return new EncryptItem(null, null, "Each item must be a JSON object.");
        }

        try
        {
            RefuseNonce(item.NonceB64);
            return new EncryptItem(Base64Field.Decode(item.PlaintextB64, "plaintext_b64"), Base64Field.Decode(item.AadB64, "aad_b64"));
        }
        catch (InvalidRequestException ex)
        {
            return new EncryptItem(null, null, ex.Message);
        }
    }

    public static DecryptItem DecryptItem(DecryptRequest? item)
    {
        if (item is null)
        {
            return new DecryptItem(null, null, null, "Each item must be a JSON object.");
        }

        try
        {
            return new DecryptItem(Encrypted(item), Base64Field.Decode(item.AadB64, "aad_b64"), item.Version);
        }
        catch (InvalidRequestException ex)
        {
            return new DecryptItem(null, null, null, ex.Message);
        }
    }

    /// <summary>Each batch result as the single answer's object, or <c>{"error": ...}</c>.</summary>
    public static BatchResponse Batch<T>(IEnumerable<BatchResult<T>> results, Func<T, object> shape)
        where T : class =>
        new() { BatchResults = results.Select(r => r.Value is null ? new BatchItemError { Error = r.Error ?? "failed" } : shape(r.Value)).ToList() };

    public static DecryptResponse Plaintext(byte[] plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        try
        {
            return new DecryptResponse { PlaintextB64 = Convert.ToBase64String(plaintext) };
        }
        finally
        {
            Secrets.Forget(plaintext);
        }
    }

    public static object EncryptAnswer(CipherResult result) => EncryptResponse.From(result);
}
