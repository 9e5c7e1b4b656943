using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Keys.Commands.CreateKey;

/// <summary>Creates a key and its first version. <paramref name="Usage"/> defaults by algorithm.</summary>
/// <paramref name="RotationPeriodDays"/>, when given, makes the key rotate by itself that often.
public sealed record CreateKeyCommand(string Name, string Algorithm, string? Usage = null, int? RotationPeriodDays = null) : IRequest<KeyDto>, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.CreateKey;
}
