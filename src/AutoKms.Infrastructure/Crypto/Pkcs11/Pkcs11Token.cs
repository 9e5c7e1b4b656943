using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace AutoKms.Infrastructure.Crypto.Pkcs11;

/// <summary>
/// One logged-in PKCS#11 token: finds or generates AES-256 keys that never leave it and runs
/// CKM_AES_GCM with them. Sessions are pooled (a PKCS#11 session serves one thread at a time);
/// one of them stays open for the life of this object, because the login ends with an
/// application's last session.
/// </summary>
public sealed class Pkcs11Token : IDisposable
{
    // C_Initialize once per library and process: a second Pkcs11Library for the same library
    // would fail (CKR_CRYPTOKI_ALREADY_INITIALIZED) and its C_Finalize would end every session of
    // the first. The libraries stay loaded until the process ends.
    private static readonly ConcurrentDictionary<string, Lazy<IPkcs11Library>> Libraries = new(StringComparer.Ordinal);

    private static readonly Lazy<bool> DlopenResolved = new(ResolveDlopen);
    private static readonly string[] DlopenLibraries = ["libdl.so.2", "libc.so.6", "libdl.so"];

    private readonly Pkcs11InteropFactories _factories = new();
    private readonly ISlot _slot;
    private readonly ISession _loginSession;
    private readonly ConcurrentBag<ISession> _idle = [];
    private bool _disposed;

    public Pkcs11Token(string library, string tokenLabel, byte[] pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        TokenLabel = tokenLabel;
        _ = DlopenResolved.Value;
        try
        {
            var loaded = Libraries.GetOrAdd(
                Path.GetFullPath(library),
                path => new Lazy<IPkcs11Library>(() => _factories.Pkcs11LibraryFactory.LoadPkcs11Library(_factories, path, AppType.MultiThreaded))).Value;
            _slot = loaded.GetSlotList(SlotsType.WithTokenPresent).FirstOrDefault(s => s.GetTokenInfo().Label.Trim() == tokenLabel)
                ?? throw new InvalidOperationException($"The PKCS#11 library {library} has no token labelled '{tokenLabel}' (Kms:Pkcs11:TokenLabel).");
            _loginSession = _slot.OpenSession(SessionType.ReadWrite);
            try
            {
                _loginSession.Login(CKU.CKU_USER, pin);
            }
            catch (Pkcs11Exception ex) when (ex.RV == CKR.CKR_USER_ALREADY_LOGGED_IN)
            {
                // Another user of this library in the process logged in already: the login is shared.
            }
            catch (Pkcs11Exception ex)
            {
                _loginSession.Dispose();
                throw new InvalidOperationException($"Could not log in to the PKCS#11 token '{tokenLabel}': {ex.RV}. Check Kms:Pkcs11:PinFile (or Pin).", ex);
            }
        }
        catch (Pkcs11Exception ex)
        {
            throw new InvalidOperationException($"The PKCS#11 library {library} failed: {ex.RV} in {ex.Method}.", ex);
        }
        catch (Exception ex) when (ex is DllNotFoundException or BadImageFormatException or EntryPointNotFoundException or UnmanagedException)
        {
            throw new InvalidOperationException($"Could not load the PKCS#11 library {library} (Kms:Pkcs11:Library): {ex.Message}", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pin);
        }
    }

    public string TokenLabel { get; }

    /// <summary>The AES key with this label, or <c>null</c>. Refuses one that could leave the token.</summary>
    public IObjectHandle? FindAesKey(string label) => Run(session =>
    {
        var found = session.FindAllObjects(
        [
            _factories.ObjectAttributeFactory.Create(CKA.CKA_CLASS, CKO.CKO_SECRET_KEY),
            _factories.ObjectAttributeFactory.Create(CKA.CKA_KEY_TYPE, CKK.CKK_AES),
            _factories.ObjectAttributeFactory.Create(CKA.CKA_LABEL, label),
        ]);
        if (found.Count > 1)
        {
            throw new InvalidOperationException($"The PKCS#11 token '{TokenLabel}' holds {found.Count} AES keys labelled '{label}'; the root key's label must be unique.");
        }

        if (found.Count == 0)
        {
            return null;
        }

        EnsureCustody(session, found[0], label);
        return found[0];
    });

    /// <summary>Generates an AES-256 token key that is sensitive, never extractable and only encrypts and decrypts.</summary>
    public IObjectHandle GenerateAesKey(string label) => Run(session =>
    {
        using var mechanism = _factories.MechanismFactory.Create(CKM.CKM_AES_KEY_GEN);
        return session.GenerateKey(mechanism,
        [
            _factories.ObjectAttributeFactory.Create(CKA.CKA_CLASS, CKO.CKO_SECRET_KEY),
            _factories.ObjectAttributeFactory.Create(CKA.CKA_KEY_TYPE, CKK.CKK_AES),
            _factories.ObjectAttributeFactory.Create(CKA.CKA_VALUE_LEN, (ulong)RootKey.Length),
            _factories.ObjectAttributeFactory.Create(CKA.CKA_LABEL, label),
            _factories.ObjectAttributeFactory.Create(CKA.CKA_TOKEN, true),
            _factories.ObjectAttributeFactory.Create(CKA.CKA_PRIVATE, true),
            _factories.ObjectAttributeFactory.Create(CKA.CKA_SENSITIVE, true),
            _factories.ObjectAttributeFactory.Create(CKA.CKA_EXTRACTABLE, false),
            _factories.ObjectAttributeFactory.Create(CKA.CKA_ENCRYPT, true),
            _factories.ObjectAttributeFactory.Create(CKA.CKA_DECRYPT, true),
            _factories.ObjectAttributeFactory.Create(CKA.CKA_WRAP, false),
            _factories.ObjectAttributeFactory.Create(CKA.CKA_UNWRAP, false),
        ]);
    });

    /// <summary>CKM_AES_GCM encryption inside the token: the ciphertext followed by the 16-byte tag.</summary>
    public byte[] Encrypt(IObjectHandle key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var input = plaintext.ToArray();
        var iv = nonce.ToArray();
        var aad = associatedData.ToArray();
        try
        {
            return Run(session =>
            {
                using var parameters = _factories.MechanismParamsFactory.CreateCkGcmParams(iv, (ulong)iv.Length * 8, aad, 128);
                using var mechanism = _factories.MechanismFactory.Create(CKM.CKM_AES_GCM, parameters);
                return session.Encrypt(mechanism, key, input);
            });
        }
        finally
        {
            CryptographicOperations.ZeroMemory(input);
        }
    }

    /// <summary>CKM_AES_GCM decryption inside the token; data that does not authenticate is an AuthenticationTagMismatchException.</summary>
    public byte[] Decrypt(IObjectHandle key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertextAndTag, ReadOnlySpan<byte> associatedData)
    {
        var input = ciphertextAndTag.ToArray();
        var iv = nonce.ToArray();
        var aad = associatedData.ToArray();
        try
        {
            return Run(session =>
            {
                using var parameters = _factories.MechanismParamsFactory.CreateCkGcmParams(iv, (ulong)iv.Length * 8, aad, 128);
                using var mechanism = _factories.MechanismFactory.Create(CKM.CKM_AES_GCM, parameters);
                return session.Decrypt(mechanism, key, input);
            });
        }
        // What a token answers for a GCM tag that does not match: the standard's
        // CKR_ENCRYPTED_DATA_INVALID, or (SoftHSM 2.6, when OpenSSL's final step fails)
        // CKR_GENERAL_ERROR or CKR_FUNCTION_FAILED. A token that is gone answers others
        // (CKR_DEVICE_*, CKR_SESSION_*, CKR_TOKEN_*), which stay failures of the token.
        catch (InvalidOperationException ex) when (ex.InnerException is Pkcs11Exception { RV: CKR.CKR_ENCRYPTED_DATA_INVALID or CKR.CKR_ENCRYPTED_DATA_LEN_RANGE or CKR.CKR_GENERAL_ERROR or CKR.CKR_FUNCTION_FAILED })
        {
            throw new AuthenticationTagMismatchException("The sealed data does not authenticate under this root key.", ex);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        while (_idle.TryTake(out var session))
        {
            session.Dispose();
        }

        _loginSession.Dispose();
    }

    public override string ToString() => $"PKCS#11 token '{TokenLabel}'";

    private void EnsureCustody(ISession session, IObjectHandle key, string label)
    {
        var attributes = session.GetAttributeValue(key, [CKA.CKA_SENSITIVE, CKA.CKA_EXTRACTABLE, CKA.CKA_VALUE_LEN, CKA.CKA_TOKEN]);
        var sensitive = attributes[0].GetValueAsBool();
        var extractable = attributes[1].GetValueAsBool();
        var length = attributes[2].GetValueAsUlong();
        var onToken = attributes[3].GetValueAsBool();
        if (!sensitive || extractable || length != RootKey.Length || !onToken)
        {
            throw new InvalidOperationException(
                $"The key '{label}' in PKCS#11 token '{TokenLabel}' cannot be the root key: it must be a 256-bit AES token key that is " +
                $"sensitive and not extractable (found: {length * 8} bits, sensitive={sensitive}, extractable={extractable}, token={onToken}).");
        }
    }

    private T Run<T>(Func<ISession, T> operation)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_idle.TryTake(out var session))
        {
            session = _slot.OpenSession(SessionType.ReadWrite);
        }

        try
        {
            var result = operation(session);
            _idle.Add(session);
            return result;
        }
        catch (Pkcs11Exception ex)
        {
            // A failed call may leave the session in an operation state; do not reuse it.
            session.Dispose();
            throw new InvalidOperationException($"The PKCS#11 token '{TokenLabel}' failed: {ex.RV} in {ex.Method}.", ex);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Pkcs11Interop 5 finds dlopen in a library it names "libdl", which resolves to the
    /// development symlink libdl.so (package libc6-dev) only. Since glibc 2.34 dlopen is in libc
    /// itself, and libdl.so.2 remains for compatibility: point the name at those.
    /// </summary>
    private static bool ResolveDlopen()
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        System.Runtime.InteropServices.NativeLibrary.SetDllImportResolver(typeof(Pkcs11InteropFactories).Assembly, (name, _, _) =>
        {
            if (name != "libdl")
            {
                return IntPtr.Zero;
            }

            foreach (var candidate in DlopenLibraries)
            {
                if (System.Runtime.InteropServices.NativeLibrary.TryLoad(candidate, out var handle))
                {
                    return handle;
                }
            }

            return IntPtr.Zero;
        });
        return true;
    }

    /// <summary>Reads a PIN file (one line, owner-only) into bytes.</summary>
    public static byte[] ReadPinFile(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new InvalidOperationException($"Kms:Pkcs11:PinFile points to {fullPath}, which does not exist.");
        }

        RootKeyFile.EnsureOwnerOnly(fullPath, "PIN file");
        var raw = File.ReadAllBytes(fullPath);
        try
        {
            return raw.AsSpan().Trim(" \t\r\n"u8).ToArray();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
    }

    public static byte[] PinBytes(string pin) => Encoding.UTF8.GetBytes(pin);
}
