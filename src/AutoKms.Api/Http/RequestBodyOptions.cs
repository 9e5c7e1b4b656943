namespace AutoKms.Api.Http;

/// <summary>
/// The Api's slice of the <c>Kms</c> configuration section: how large a request body may be
/// (JSON-RPC and batches included), enforced by Kestrel and by <see cref="RequestBodyLimitMiddleware"/>.
/// Bound once by <c>AddApi</c> and checked at start-up.
/// </summary>
public sealed class RequestBodyOptions
{
    public const string SectionName = "Kms";

    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    public const string InvalidMessage = "Kms:MaxRequestBodyBytes must be at least 1.";

    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>A limit below one byte would refuse every body, even <c>{}</c>.</summary>
    public bool IsValid => MaxRequestBodyBytes >= 1;
}
