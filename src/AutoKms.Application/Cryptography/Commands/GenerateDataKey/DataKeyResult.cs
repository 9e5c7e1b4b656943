using AutoKms.Application.Common.Models;

namespace AutoKms.Application.Cryptography.Commands.GenerateDataKey;

/// <summary>The wrapped data key, and the data key itself when it was asked for.</summary>
public sealed record DataKeyResult(CipherResult Wrapped, byte[]? Plaintext);
