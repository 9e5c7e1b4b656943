using AutoKms.Domain.Keys;

namespace AutoKms.Application.Keys;

/// <summary>What a key is created with; its id and material come from <see cref="KeyProvisioning"/>.</summary>
public sealed record NewKey(string Name, KeyAlgorithm Algorithm, KeyUsage Usage, int? RotationPeriodDays);
