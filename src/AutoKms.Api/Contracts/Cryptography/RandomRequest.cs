using System.ComponentModel.DataAnnotations;
using AutoKms.Application.Cryptography.Commands.GenerateRandom;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>How many random bytes to generate.</summary>
public sealed class RandomRequest
{
    /// <summary>1 to 1024.</summary>
    /// <example>32</example>
    [Required]
    public int? Bytes { get; init; }

    public GenerateRandomCommand ToCommand() => new(Bytes);
}
