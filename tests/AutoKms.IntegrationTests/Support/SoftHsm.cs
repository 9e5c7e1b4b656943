using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AutoKms.IntegrationTests.Support;

/// <summary>
/// The SoftHSM2 token the PKCS#11 tests run against, made once per test run by
/// <c>scripts/softhsm-init.sh</c>: CI makes it before the tests (<c>AUTOKMS_SOFTHSM_DIR</c>, see
/// .ci/run); on a developer machine with softhsm2 and opensc installed the tests make it
/// themselves. Without SoftHSM2 the tests are skipped with a message, except under CI, where they
/// fail: CI installs it.
/// </summary>
public static class SoftHsm
{
    private static readonly Lazy<SoftHsmToken?> Token = new(Initialise);
    private static string? _unavailable;

    /// <summary>The token, or the test is skipped (failed under CI) when SoftHSM2 is not installed.</summary>
    public static SoftHsmToken Require()
    {
        var token = Token.Value;
        if (token is not null)
        {
            return token;
        }

        var message = $"SoftHSM2 is not available ({_unavailable}); the PKCS#11 root-key tests need it: apt-get install -y softhsm2 opensc";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
        return null!;
    }

    private static SoftHsmToken? Initialise()
    {
        var directory = Environment.GetEnvironmentVariable("AUTOKMS_SOFTHSM_DIR");
        if (string.IsNullOrEmpty(directory) || !File.Exists(Path.Combine(directory, "softhsm.env")))
        {
            directory = TempDirectory.Create();
            var script = Path.Combine(RepositoryRoot(), "scripts", "softhsm-init.sh");
            var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(script);
            info.ArgumentList.Add(directory);
            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                _unavailable = error.Trim();
                return null;
            }
        }

        var environment = File.ReadAllLines(Path.Combine(directory, "softhsm.env"))
            .Where(line => line.Contains('=', StringComparison.Ordinal))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);

        // SoftHSM2 reads SOFTHSM2_CONF from the native environment when this process first loads
        // it (the tests' own look into the token), and child processes copy the managed one.
        var conf = environment["SOFTHSM2_CONF"];
        Environment.SetEnvironmentVariable("SOFTHSM2_CONF", conf);
        if (SetNativeEnvironment("SOFTHSM2_CONF", conf, 1) != 0)
        {
            throw new InvalidOperationException("setenv(SOFTHSM2_CONF) failed");
        }

        return new SoftHsmToken(
            environment["Kms__Pkcs11__Library"],
            environment["Kms__Pkcs11__TokenLabel"],
            environment["Kms__Pkcs11__PinFile"],
            environment["Kms__Pkcs11__KeyLabel"],
            conf);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AutoKms.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Cannot find AutoKms.sln above the test output folder.");
    }

    [DllImport("libc", EntryPoint = "setenv")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetNativeEnvironment([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}
