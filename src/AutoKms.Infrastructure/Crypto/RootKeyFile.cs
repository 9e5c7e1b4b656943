using System.Security.Cryptography;
using System.Text;

namespace AutoKms.Infrastructure.Crypto;

/// <summary>
/// The root-key file: one line of text holding the 32 bytes as base64 (44 characters) or hex
/// (64 characters), surrounding whitespace ignored. Only the owner may have access to it (mode
/// 0600 or 0400): a file group or others could read is refused, so a key is never used from a
/// file that other accounts on the machine could have copied.
/// </summary>
public static class RootKeyFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    // Longer than any valid file: a bigger one is not a key file, and is not read whole.
    private const int MaxFileBytes = 256;

    /// <summary>Reads and checks the file; <paramref name="setting"/> names where the path came from, for messages.</summary>
    public static RootKey Read(string path, string setting)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new InvalidOperationException($"{setting} points to {fullPath}, which does not exist.");
        }

        EnsureOwnerOnly(fullPath);
        if (new FileInfo(fullPath).Length > MaxFileBytes)
        {
            throw new InvalidOperationException(FormatMessage(fullPath, "is too long"));
        }

        var raw = File.ReadAllBytes(fullPath);
        try
        {
            return new RootKey(Parse(raw, fullPath)) { Source = fullPath };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
    }

    /// <summary>Writes a new key file (base64, one line) that only the owner can read; fails if the file exists.</summary>
    public static void Create(string path, ReadOnlySpan<byte> key)
    {
        var text = new byte[Base64Length + 1];
        try
        {
            if (System.Buffers.Text.Base64.EncodeToUtf8(key, text, out _, out var written) != System.Buffers.OperationStatus.Done || written != Base64Length)
            {
                throw new InvalidOperationException($"A root key must be exactly {RootKey.Length} bytes.");
            }

            text[Base64Length] = (byte)'\n';
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Options = FileOptions.WriteThrough,
            };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(path, options);
            stream.Write(text);
            stream.Flush(flushToDisk: true);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(text);
        }
    }

    /// <summary>Refuses a file that group or others have any access to.</summary>
    public static void EnsureOwnerOnly(string path, string what = "root key file")
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & ~OwnerOnly) != 0)
        {
            var octal = Convert.ToString((int)mode, 8);
            throw new InvalidOperationException(
                $"The {what} {path} is readable by group or others (mode {octal}); refusing to use it. " +
                $"Restrict it to its owner: chmod 600 {path}");
        }
    }

    private const int Base64Length = 44;
    private const int HexLength = 64;

    /// <summary>The 32 bytes of the file's one line of base64 or hex; intermediate buffers are zeroed.</summary>
    internal static byte[] Parse(ReadOnlySpan<byte> raw, string path)
    {
        if (raw.Length == RootKey.Length && !IsText(raw))
        {
            throw new InvalidOperationException(
                $"The root key file {path} holds 32 raw bytes; it must be one line of base64 or hex text. " +
                $"Convert it: {{ base64 -w0 {path}; echo; }} > {path}.new && chmod 600 {path}.new && mv {path}.new {path}");
        }

        var line = raw.Trim(" \t\r\n"u8);
        if (line.Length == 0 || !IsText(line) || line.Contains((byte)'\n'))
        {
            throw new InvalidOperationException(FormatMessage(path, "is not one line of text"));
        }

        var key = new byte[RootKey.Length];
        var chars = new char[line.Length];
        try
        {
            Encoding.ASCII.GetChars(line, chars);
            var decoded = line.Length switch
            {
                HexLength => Convert.FromHexString(chars, key, out _, out var hexWritten) == System.Buffers.OperationStatus.Done && hexWritten == RootKey.Length,
                Base64Length => Convert.TryFromBase64Chars(chars, key, out var written) && written == RootKey.Length,
                _ => false,
            };
            if (!decoded)
            {
                throw new InvalidOperationException(FormatMessage(path, "does not hold 32 bytes as base64 or hex"));
            }

            return key;
        }
        catch
        {
            CryptographicOperations.ZeroMemory(key);
            throw;
        }
        finally
        {
            Array.Clear(chars);
        }
    }

    private static bool IsText(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((>= 0x20 and < 0x7F) or (byte)'\r' or (byte)'\n' or (byte)'\t'))
            {
                return false;
            }
        }

        return true;
    }

    private static string FormatMessage(string path, string problem) =>
        $"The root key file {path} {problem}: it must be one line holding the 32-byte key as base64 (44 characters) or hex (64 characters), " +
        "e.g. made with: umask 077; head -c 32 /dev/urandom | base64 > root.key";
}
