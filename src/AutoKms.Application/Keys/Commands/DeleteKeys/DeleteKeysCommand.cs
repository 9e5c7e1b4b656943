using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Keys.Commands.DeleteKeys;

/// <summary>Deletes one or more keys atomically; an unknown id fails the whole request.</summary>
public sealed record DeleteKeysCommand(IReadOnlyList<Guid> Ids) : IRequest<DeleteResult>, ITransactionalRequest;
