using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.KeyVersions.Commands.UpdateKeyVersion;

public sealed class UpdateKeyVersionCommandHandler(KeyVersionUpdates updates) : IRequestHandler<UpdateKeyVersionCommand, KeyVersionDto>
{
    public Task<KeyVersionDto> Handle(UpdateKeyVersionCommand request, CancellationToken cancellationToken) => updates.ApplyAsync(request, cancellationToken);
}
