using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Keys.Commands.UpdateKey;

public sealed class UpdateKeyCommandHandler(KeyUpdates updates) : IRequestHandler<UpdateKeyCommand, KeyDto>
{
    public Task<KeyDto> Handle(UpdateKeyCommand request, CancellationToken cancellationToken) => updates.ApplyAsync(request, cancellationToken);
}
