using System.Security.Cryptography.X509Certificates;

namespace AutoKms.Api.Transport;

/// <summary>
/// <c>Kms:Tls</c>: the certificate Kestrel serves HTTPS with, for every <c>https://</c> address in
/// <c>--urls</c>. A PEM certificate with its PEM key (<see cref="KeyFile"/>), or a PFX/PKCS#12 file;
/// <see cref="Password"/> opens a PFX or an encrypted PEM key.
/// </summary>
public sealed class TlsOptions
{
    public const string SectionName = "Kms:Tls";

    public string? CertificateFile { get; set; }

    public string? KeyFile { get; set; }

    public string? Password { get; set; }

    public bool Configured => !string.IsNullOrWhiteSpace(CertificateFile);

    public X509Certificate2 Load()
    {
        if (string.IsNullOrWhiteSpace(CertificateFile))
        {
            throw new InvalidOperationException("Kms:Tls:CertificateFile is not set.");
        }

        if (!File.Exists(CertificateFile))
        {
            throw new InvalidOperationException($"Kms:Tls:CertificateFile points to {CertificateFile}, which does not exist.");
        }

        var isPem = File.ReadAllText(CertificateFile).Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal);
        if (!isPem)
        {
            return X509CertificateLoader.LoadPkcs12FromFile(CertificateFile, Password);
        }

        var keyFile = string.IsNullOrWhiteSpace(KeyFile) ? CertificateFile : KeyFile;
        return string.IsNullOrEmpty(Password)
            ? X509Certificate2.CreateFromPemFile(CertificateFile, keyFile)
            : X509Certificate2.CreateFromEncryptedPemFile(CertificateFile, Password, keyFile);
    }
}
