using MediatR;

namespace AutoKms.Application.Keys.Commands.RotateDueKeys;

/// <summary>Rotates every key whose rotation period has run out. Sent by the maintenance service; answers how many.</summary>
public sealed record RotateDueKeysCommand(int Limit = 500) : IRequest<int>;
