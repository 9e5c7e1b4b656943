using AutoKms.Application.Cryptography;

namespace AutoKms.Application.Common.Models;

/// <summary>The outcome of an encryption or a wrap: which key and version made it, and the payload.</summary>
public sealed record CipherResult(Guid KeyId, int Version, string Algorithm, byte[]? Nonce, byte[] Ciphertext, byte[]? Tag, byte[]? Aad)
{
    /// <summary>The self-describing form: <c>akms:v&lt;version&gt;:&lt;base64(nonce ‖ ciphertext ‖ tag)&gt;</c>.</summary>
    public string SelfDescribing => AkmsCiphertext.Format(Version, Nonce, Ciphertext, Tag);
}
