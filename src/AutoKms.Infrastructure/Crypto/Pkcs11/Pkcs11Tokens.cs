using Microsoft.Extensions.Options;

namespace AutoKms.Infrastructure.Crypto.Pkcs11;

/// <summary>
/// The one token session of the service, opened on first use from <c>Kms:Pkcs11</c> (only when a
/// root key lives in a token) and closed when the service stops.
/// </summary>
public sealed class Pkcs11Tokens(IOptions<KmsOptions> settings) : IDisposable
{
    private readonly Lock _lock = new();
    private Pkcs11Token? _token;

    public Pkcs11Token Open()
    {
        lock (_lock)
        {
            return _token ??= Connect(settings.Value.Pkcs11);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _token?.Dispose();
            _token = null;
        }
    }

    private static Pkcs11Token Connect(Pkcs11Options options)
    {
        var missing = new[] { (nameof(options.Library), options.Library), (nameof(options.TokenLabel), options.TokenLabel) }
            .Where(s => string.IsNullOrWhiteSpace(s.Item2))
            .Select(s => $"Kms:Pkcs11:{s.Item1}")
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The pkcs11 root-key provider needs {string.Join(", ", missing)}.");
        }

        var hasFile = !string.IsNullOrWhiteSpace(options.PinFile);
        var hasPin = !string.IsNullOrEmpty(options.Pin);
        if (hasFile == hasPin)
        {
            throw new InvalidOperationException("The pkcs11 root-key provider needs exactly one of Kms:Pkcs11:PinFile (preferred) and Kms:Pkcs11:Pin.");
        }

        var pin = hasFile ? Pkcs11Token.ReadPinFile(options.PinFile!) : Pkcs11Token.PinBytes(options.Pin!);
        return new Pkcs11Token(options.Library!, options.TokenLabel!, pin);
    }
}
