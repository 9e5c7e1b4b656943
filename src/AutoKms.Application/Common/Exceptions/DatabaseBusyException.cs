namespace AutoKms.Application.Common.Exceptions;

/// <summary>
/// The database stayed locked by another writer for longer than the service waits, so the request
/// was not carried out; the same request may succeed when retried (the API answers 503).
/// Infrastructure raises it for its storage engine's busy errors, so no layer above has to know them.
/// </summary>
public sealed class DatabaseBusyException(Exception innerException)
    : Exception("The database is busy; retry the request.", innerException);
