using AutoKms.Application.Common.Security;

namespace AutoKms.Application.Common.Interfaces;

/// <summary>
/// The request a use case runs for: who is asking, the request id and the client's address (for
/// the audit trail, rate limits and key-name rules). Implemented by the host; work the service
/// does by itself runs as <see cref="Caller.Service"/>.
/// </summary>
public interface ICallerContext
{
    Caller Caller { get; }

    string RequestId { get; }

    string? ClientAddress { get; }
}
