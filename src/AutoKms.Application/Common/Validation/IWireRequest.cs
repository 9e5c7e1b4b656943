using FluentValidation.Results;

namespace AutoKms.Application.Common.Validation;

/// <summary>
/// A request translated from a JSON body. Values that could not be decoded (bad base64, a
/// malformed self-describing ciphertext) are recorded here instead of thrown, so the validation
/// behaviour reports them, for REST and JSON-RPC alike, before any handler runs.
/// </summary>
public interface IWireRequest
{
    IReadOnlyList<ValidationFailure> DecodingFailures { get; }
}
