using MediatR;

namespace AutoKms.Application.Health.Queries.CheckHealth;

/// <summary>Checks the service can reach its database with one real round trip.</summary>
public sealed record CheckHealthQuery : IRequest<HealthReport>;
