using AutoKms.Application.Common;
using AutoKms.Application.Common.Validation;
using AutoKms.Application.Cryptography;
using FluentValidation.Results;

namespace AutoKms.Api.Contracts;

/// <summary>
/// Decodes wire values (base64, the self-describing ciphertext) for one request without throwing:
/// what cannot be decoded is collected in <see cref="Failures"/>, which the command carries into
/// the validation pipeline (<see cref="IWireRequest"/>). Both transports decode through here.
/// </summary>
public sealed class WireDecoder(string prefix = "")
{
    private List<ValidationFailure>? _failures;

    public IReadOnlyList<ValidationFailure> Failures => _failures ?? [];

    /// <summary>The first failure's message (a batch item's <c>error</c>), or <c>null</c>.</summary>
    public string? FirstError => _failures?[0].ErrorMessage;

    /// <summary>
    /// The bytes of a base64 field; <c>null</c> when absent. Undecodable text is recorded and
    /// answered as an empty array, so a "required" rule does not also fire for it.
    /// </summary>
    public byte[]? Base64(string? text, string field)
    {
        if (text is null)
        {
            return null;
        }

        if (Base64Text.TryDecode(text, out var bytes))
        {
            return bytes;
        }

        Fail(field, $"Invalid base64 encoding for {field}");
        return [];
    }

    /// <summary>The ciphertext a caller hands back: the self-describing <c>ciphertext</c> when given, else the split fields.</summary>
    public EncryptedData Encrypted(string? selfDescribing, string? ciphertextB64, string ciphertextField, string? nonceB64, string? tagB64)
    {
        if (selfDescribing is null)
        {
            return new EncryptedData(Base64(ciphertextB64, ciphertextField), Base64(nonceB64, "nonce_b64"), Base64(tagB64, "tag_b64"));
        }

        if (AkmsCiphertext.TryParse(selfDescribing, "ciphertext", out var data, out var error))
        {
            EnsureSameAsSplit(data, ciphertextB64, ciphertextField, nonceB64, tagB64);
            return data;
        }

        Fail("ciphertext", error);
        return EncryptedData.SelfDescribing(1, []);
    }

    /// <summary>
    /// A whole encrypt answer passed back carries the ciphertext twice (split and self-describing);
    /// the two must be the same ciphertext, so neither is silently ignored.
    /// </summary>
    private void EnsureSameAsSplit(EncryptedData data, string? ciphertextB64, string ciphertextField, string? nonceB64, string? tagB64)
    {
        if (ciphertextB64 is null && nonceB64 is null && tagB64 is null)
        {
            return;
        }

        var ciphertext = Base64(ciphertextB64, ciphertextField) ?? [];
        var nonce = Base64(nonceB64, "nonce_b64") ?? [];
        var tag = Base64(tagB64, "tag_b64") ?? [];
        if (_failures is null && !data.Packed.AsSpan().SequenceEqual([.. nonce, .. ciphertext, .. tag]))
        {
            Invalid(ciphertextField, $"'{ciphertextField}', 'nonce_b64' and 'tag_b64' are not the ciphertext 'ciphertext' holds; send one form, or the same ciphertext in both.");
        }
    }

    /// <summary>Records a body shape the command cannot express (a null item, a missing id): a 422.</summary>
    public void Invalid(string field, string message) => (_failures ??= []).Add(new ValidationFailure(prefix + field, message));

    private void Fail(string field, string message) =>
        (_failures ??= []).Add(new ValidationFailure(prefix + field, message) { ErrorCode = ErrorCodes.BadRequest });
}
