namespace AutoKms.Api.Http;

/// <summary>The one log line a refused start-up writes (the reason only; it never holds a secret).</summary>
public static partial class StartupLog
{
    [LoggerMessage(Level = LogLevel.Critical, Message = "Auto KMS cannot start: {Reason}")]
    public static partial void CannotStart(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auto KMS runs open: no authentication is configured, so it answers loopback host names only and every caller is the admin 'local'. Set Kms:Auth:BootstrapToken (or Kms:Auth:Jwt) before it serves anyone else.")]
    public static partial void RunsOpen(ILogger logger);
}
