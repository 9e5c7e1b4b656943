using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Keys.Queries.GetKey;

public sealed record GetKeyQuery(Guid Id) : IRequest<KeyDto>;
