using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AutoKms.IntegrationTests.EndToEnd;

/// <summary>
/// The built service as a real process, started the way the README starts it (no configuration,
/// SQLite in the working directory, the Development environment that <c>dotnet run</c> takes from
/// launchSettings.json), on a free loopback port. Tests may add environment variables.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static Task<ServiceProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null) =>
        StartAsync(workingDirectory, "http", [], null, environment);

    /// <summary>
    /// Starts the service with extra command-line settings, on <paramref name="scheme"/>; health is
    /// polled through <paramref name="handler"/> when given (an HTTPS client that trusts a test certificate).
    /// <paramref name="environment"/> adds environment variables (a null value removes one).
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(string workingDirectory, string scheme, IReadOnlyList<string> arguments, HttpMessageHandler? handler, IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ApiAssemblyPath());
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"{scheme}://127.0.0.1:{port}");
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Remove("ConnectionStrings__Kms");
        info.Environment.Remove("Kms__RootKey");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var service = new ServiceProcess(Process.Start(info)!, new Uri($"{scheme}://127.0.0.1:{port}"));
        await service.WaitUntilHealthyAsync(handler);
        return service;
    }

    /// <summary>kill -9: no shutdown hook, no flush.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            KillHard();
        }

        _process.Dispose();
        await Task.CompletedTask;
    }

    private static string ApiAssemblyPath()
    {
        // tests/AutoKms.IntegrationTests/bin/<Configuration>/net10.0/ → src/AutoKms.Api/bin/<Configuration>/net10.0/
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AutoKms.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException("Cannot find AutoKms.sln above the test output folder.");
        }

        var path = Path.Combine(root.FullName, "src", "AutoKms.Api", "bin", configuration, framework, "AutoKms.Api.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first.", path);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilHealthyAsync(HttpMessageHandler? handler)
    {
        using var client = handler is null
            ? new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) }
            : new HttpClient(handler, disposeHandler: false) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                var response = await client.GetAsync("/system/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The service did not become healthy in 60 s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
