using MediatR;

namespace AutoKms.Application.DeletedKeys.Commands.PurgeExpiredKeys;

/// <summary>Purges every key whose retention window is over. Sent by the maintenance service; answers how many.</summary>
public sealed record PurgeExpiredKeysCommand(int Limit = 500) : IRequest<int>;
