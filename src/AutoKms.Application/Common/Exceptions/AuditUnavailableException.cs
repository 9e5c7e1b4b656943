namespace AutoKms.Application.Common.Exceptions;

/// <summary>
/// The audit record of a request could not be written, so the request is not answered as done
/// (the API answers 503). The service fails closed: nothing it does goes unrecorded.
/// </summary>
public sealed class AuditUnavailableException : Exception
{
    public const string NotDoneMessage = "The audit trail could not be written, so the request was not answered; retry it.";

    public const string ChangeMayHaveLandedMessage =
        "The change was made, but its outcome could not be written to the audit trail (its intent is recorded); read the resource before retrying.";

    public AuditUnavailableException()
        : base(NotDoneMessage)
    {
    }

    public AuditUnavailableException(string message)
        : base(message)
    {
    }

    public AuditUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AuditUnavailableException(Exception innerException)
        : base(NotDoneMessage, innerException)
    {
    }
}
