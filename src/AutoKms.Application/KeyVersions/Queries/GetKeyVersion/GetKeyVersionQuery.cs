using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.KeyVersions.Queries.GetKeyVersion;

public sealed record GetKeyVersionQuery(Guid Id) : IRequest<KeyVersionDto>;
