using System.Diagnostics;
using System.Net;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.EndToEnd;

/// <summary>
/// The real service on a small filesystem (a tmpfs mounted for the test, so root is needed; the
/// test says so and is ignored otherwise) that is then filled to the last byte: writes answer 503
/// naming the full storage and change nothing, reads and cryptography on existing keys go on,
/// and once space is freed writes work again without a restart.
/// </summary>
[NonParallelizable]
public sealed class FullDiskTests
{
    private string _mount = null!;

    [SetUp]
    public void MountASmallFilesystem()
    {
        _mount = TempDirectory.Create();
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || Run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", _mount) != 0)
        {
            Assert.Ignore("Needs Linux and root to mount a 4 MiB tmpfs (CI runs as root).");
        }
    }

    [TearDown]
    public void Unmount() => Run("umount", "-l", _mount);

    [Test]
    public async Task A_full_disk_answers_writes_with_503_keeps_reads_and_crypto_working_and_recovers_without_a_restart()
    {
        await using var service = await ServiceProcess.StartAsync(_mount, "http", ["--Kms:Audit:Enabled=false"], null);
        using var client = new HttpClient { BaseAddress = service.BaseAddress };
        var key = (await client.PostJsonAsync("/kms/key", new { name = "before-full", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();
        var ciphertext = (await client.PostJsonAsync($"/kms/key/{key}/encrypt", new { plaintext_b64 = "aGVsbG8=" }).Ensure(HttpStatusCode.OK).ReadNodeAsync())["ciphertext"]!.GetValue<string>();

        var filler = FillTheDisk();

        var refused = await client.PostJsonAsync("/kms/key", new { name = "while-full", algorithm = "AES256_GCM" });
        await ApiTestBase.AssertProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "storage is full");
        await ApiTestBase.AssertProblemAsync(await client.PostAsync($"/kms/key/{key}/rotate", null), HttpStatusCode.ServiceUnavailable, "storage is full");
        await client.GetAsync($"/kms/key/{key}").Ensure(HttpStatusCode.OK);
        await client.PostJsonAsync($"/kms/key/{key}/encrypt", new { plaintext_b64 = "aGVsbG8=" }).Ensure(HttpStatusCode.OK);
        await client.PostJsonAsync($"/kms/key/{key}/decrypt", new { ciphertext }).Ensure(HttpStatusCode.OK);

        File.Delete(filler);

        await client.PostJsonAsync("/kms/key", new { name = "after-full", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created);
        await client.PostAsync($"/kms/key/{key}/rotate", null).Ensure(HttpStatusCode.Created);
        var keys = (await client.GetAsync("/kms/key?limit=100").Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();
        Assert.That(keys.Select(k => k!["name"]!.GetValue<string>()), Is.EquivalentTo(new[] { "before-full", "after-full" }), "the refused creation left nothing behind");
    }

    [Test]
    public async Task With_the_audit_trail_on_a_full_disk_refuses_what_it_cannot_record_and_says_why_then_recovers()
    {
        await using var service = await ServiceProcess.StartAsync(_mount);
        using var client = new HttpClient { BaseAddress = service.BaseAddress };
        var key = (await client.PostJsonAsync("/kms/key", new { name = "audited", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();
        await client.PostJsonAsync($"/kms/key/{key}/encrypt", new { plaintext_b64 = "aGVsbG8=" }).Ensure(HttpStatusCode.OK);

        var filler = FillTheDisk();

        // Every encryption is recorded before it is answered; with no room for the record, none is made.
        await ApiTestBase.AssertProblemAsync(await client.PostJsonAsync($"/kms/key/{key}/encrypt", new { plaintext_b64 = "aGVsbG8=" }), HttpStatusCode.ServiceUnavailable, "storage is full");
        await client.GetAsync("/system/healthz").Ensure(HttpStatusCode.OK);

        File.Delete(filler);

        await client.PostJsonAsync($"/kms/key/{key}/encrypt", new { plaintext_b64 = "aGVsbG8=" }).Ensure(HttpStatusCode.OK);
        var verified = await client.GetAsync("/kms/audit/verify").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        Assert.That(verified["ok"]!.GetValue<bool>(), Is.True);
    }

    private string FillTheDisk()
    {
        var path = Path.Combine(_mount, "filler");
        var block = new byte[64 * 1024];
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        try
        {
            while (true)
            {
                stream.Write(block);
            }
        }
        catch (IOException)
        {
            // ENOSPC: the filesystem is full. Fill what a smaller block still fits.
            for (var size = block.Length / 2; size >= 512; size /= 2)
            {
                try
                {
                    while (true)
                    {
                        stream.Write(block, 0, size);
                    }
                }
                catch (IOException)
                {
                }
            }
        }

        return path;
    }

    private static int Run(string command, params string[] arguments)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(info)!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
