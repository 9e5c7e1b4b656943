using AutoKms.Application.Health.Queries.CheckHealth;
using MediatR;

namespace AutoKms.Application.Health.Queries.CheckReadiness;

/// <summary>Whether the service can serve: the database answers and the root key seals and unseals.</summary>
public sealed record CheckReadinessQuery : IRequest<HealthReport>;
