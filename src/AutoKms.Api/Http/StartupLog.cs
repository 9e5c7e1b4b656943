namespace AutoKms.Api.Http;

/// <summary>The one log line a refused start-up writes (the reason only; it never holds a secret).</summary>
public static partial class StartupLog
{
    [LoggerMessage(Level = LogLevel.Critical, Message = "Auto KMS cannot start: {Reason}")]
    public static partial void CannotStart(ILogger logger, string reason);
}
