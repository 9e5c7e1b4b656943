using AutoKms.Application.Cryptography.Commands.GenerateDataKey;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>Asks for a fresh data key for envelope encryption.</summary>
public sealed class DataKeyRequest
{
    /// <summary>Length of the data key in bytes (16 to 1024, default 32).</summary>
    /// <example>32</example>
    public int? Bytes { get; init; }

    /// <summary>Associated data bound to the wrapped form, base64.</summary>
    /// <example>b3JkZXI6NDI=</example>
    public string? AadB64 { get; init; }

    /// <summary>false answers only the wrapped form (default true).</summary>
    /// <example>true</example>
    public bool? IncludePlaintext { get; init; }

    public GenerateDataKeyCommand ToCommand(Guid keyId)
    {
        var decoder = new WireDecoder();
        var aad = decoder.Base64(AadB64, "aad_b64");
        return new GenerateDataKeyCommand(keyId, Bytes ?? GenerateDataKeyCommand.DefaultBytes, aad, IncludePlaintext ?? true) { DecodingFailures = decoder.Failures };
    }
}
