using System.Net;
using System.Net.Http.Headers;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.Http;

/// <summary>
/// GET /metrics in protected mode: open without a token, the Prometheus text format, the service's
/// own series next to ASP.NET Core's, and no key id, key name or token in any of it.
/// </summary>
public sealed class MetricsTests
{
    private const string Bootstrap = "bootstrap-token-for-the-metrics-tests";

    private KmsApiFactory _factory = null!;
    private HttpClient _anonymous = null!;
    private HttpClient _caller = null!;
    private string _token = null!;
    private readonly List<string> _secrets = [];

    [OneTimeSetUp]
    public async Task StartAndUseTheService()
    {
        _factory = new KmsApiFactory(settings: new Dictionary<string, string?> { ["Kms:Auth:BootstrapToken"] = Bootstrap });
        _anonymous = _factory.CreateClient();
        using var admin = ClientWith(Bootstrap);
        _token = (await admin.PostJsonAsync("/kms/token", new { name = "metrics-app", scopes = new[] { "kms.keys.manage", "kms.encrypt", "kms.decrypt", "kms.sign" } })
            .Ensure(HttpStatusCode.Created).ReadNodeAsync())["token"]!.GetValue<string>();
        _caller = ClientWith(_token);

        // Through an issued token (the bootstrap token skips the token cache): the second request is a hit.
        var aesName = $"metrics-secret-name-{Guid.NewGuid():N}";
        var aes = (await _caller.PostJsonAsync("/kms/key", new { name = aesName, algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();
        var ciphertext = (await _caller.PostJsonAsync($"/kms/key/{aes}/encrypt", new { plaintext_b64 = "aGVsbG8=" }).Ensure(HttpStatusCode.OK).ReadNodeAsync())["ciphertext"]!.GetValue<string>();
        await _caller.PostJsonAsync($"/kms/key/{aes}/decrypt", new { ciphertext }).Ensure(HttpStatusCode.OK);
        var ecName = $"metrics-signing-name-{Guid.NewGuid():N}";
        var ec = (await _caller.PostJsonAsync("/kms/key", new { name = ecName, algorithm = "EC_P256", usage = "sign_verify" }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();
        await _caller.PostJsonAsync($"/kms/key/{ec}/sign", new { message_b64 = "aGVsbG8=" }).Ensure(HttpStatusCode.OK);
        _secrets.AddRange([aes, aesName, ec, ecName, _token, Bootstrap, ciphertext]);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _caller.Dispose();
        _anonymous.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task Metrics_answers_200_in_the_Prometheus_text_format_without_a_token_in_protected_mode()
    {
        var response = await _anonymous.GetAsync("/metrics");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("# TYPE autokms_crypto_operations_total counter"));
    }

    [Test]
    public async Task After_encrypt_decrypt_and_sign_the_scrape_has_request_crypto_group_commit_and_database_series()
    {
        var scrape = await ScrapeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(scrape.Sum("http_server_request_duration_seconds_count", "http_route=kms/key/{id}/encrypt", "http_response_status_code=200"), Is.GreaterThan(0));
            Assert.That(scrape.Sum("http_server_request_duration_seconds_count", "http_route=kms/key/{id}/sign", "http_request_method=POST"), Is.GreaterThan(0));
            Assert.That(scrape.Sum("autokms_operation_duration_seconds_count", "operation=EncryptCommand", "outcome=ok"), Is.GreaterThan(0));
            Assert.That(scrape.Sum("autokms_operation_duration_seconds_count", "operation=DecryptCommand", "outcome=ok"), Is.GreaterThan(0));
            Assert.That(scrape.Sum("autokms_crypto_operations_total", "algorithm=AES256_GCM", "operation=encrypt"), Is.GreaterThan(0));
            Assert.That(scrape.Sum("autokms_crypto_operations_total", "algorithm=AES256_GCM", "operation=decrypt"), Is.GreaterThan(0));
            Assert.That(scrape.Sum("autokms_crypto_operations_total", "algorithm=EC_P256", "operation=sign"), Is.GreaterThan(0));
            Assert.That(scrape.Sum("autokms_audit_batch_records_count"), Is.GreaterThan(0));
            Assert.That(scrape.Sum("autokms_audit_batch_records_sum"), Is.GreaterThanOrEqualTo(scrape.Sum("autokms_audit_batch_records_count")));
            Assert.That(scrape.Sum("autokms_audit_wait_duration_seconds_count"), Is.GreaterThan(0));
            Assert.That(scrape.Sum("autokms_db_operation_duration_seconds_count", "operation=read"), Is.GreaterThan(0));
            Assert.That(scrape.Sum("autokms_db_operation_duration_seconds_count", "operation=commit"), Is.GreaterThan(0));
            Assert.That(scrape.Sum("autokms_cache_lookups_total", "cache=token", "result=miss"), Is.GreaterThan(0));
            Assert.That(scrape.Sum("autokms_cache_lookups_total", "cache=token", "result=hit"), Is.GreaterThan(0));

            // The encrypt loaded the key and unsealed its material; the decrypt after it found both cached.
            Assert.That(scrape.Sum("autokms_cache_lookups_total", "cache=key", "result=miss"), Is.GreaterThan(0));
            Assert.That(scrape.Sum("autokms_cache_lookups_total", "cache=key", "result=hit"), Is.GreaterThan(0));
            Assert.That(scrape.Sum("autokms_cache_lookups_total", "cache=material", "result=miss"), Is.GreaterThan(0));
            Assert.That(scrape.Sum("autokms_cache_lookups_total", "cache=material", "result=hit"), Is.GreaterThan(0));
            Assert.That(scrape.Samples.Any(s => s.Name == "autokms_key_generation_pending"), Is.True);
        });
    }

    [Test]
    public async Task The_encryption_counter_flush_shows_within_a_few_seconds_of_an_encrypt()
    {
        // The flusher persists counts every second.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        PrometheusScrape scrape;
        do
        {
            scrape = await ScrapeAsync();
            if (scrape.Sum("autokms_encryption_counter_flush_versions_count") > 0)
            {
                break;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        Assert.That(scrape.Sum("autokms_encryption_counter_flush_versions_count"), Is.GreaterThan(0), string.Join("\n", scrape.Text.Split('\n').Where(l => l.StartsWith("autokms", StringComparison.Ordinal) && !l.Contains("_bucket", StringComparison.Ordinal))));
        Assert.That(scrape.Sum("autokms_encryption_counter_flush_versions_sum"), Is.GreaterThan(0));
    }

    [Test]
    public async Task No_key_id_key_name_token_or_ciphertext_appears_in_the_scrape()
    {
        var scrape = await ScrapeAsync();

        foreach (var secret in _secrets)
        {
            Assert.That(scrape.Text, Does.Not.Contain(secret));
        }

        // Label values are fixed names: no GUID-shaped value at all.
        Assert.That(scrape.LabelValues.Where(v => Guid.TryParse(v, out _)), Is.Empty);
        Assert.That(scrape.Samples.Where(s => s.Labels.TryGetValue("http_route", out _)).Select(s => s.Labels["http_route"]).Distinct(), Has.All.Not.Match("[0-9a-f]{8}-"));
    }

    [Test]
    public async Task Metrics_is_not_in_the_OpenAPI_document()
    {
        var document = await _anonymous.GetStringAsync("/openapi.json");

        Assert.That(document, Does.Not.Contain("\"/metrics\""));
    }

    [Test]
    public async Task Metrics_disabled_by_setting_answers_404()
    {
        using var factory = new KmsApiFactory(settings: new Dictionary<string, string?> { ["Kms:Metrics:Enabled"] = "false" });
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/metrics");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        await client.GetAsync("/system/healthz").Ensure(HttpStatusCode.OK);
    }

    private async Task<PrometheusScrape> ScrapeAsync() =>
        PrometheusScrape.Parse(await (await _anonymous.GetAsync("/metrics").Ensure(HttpStatusCode.OK)).Content.ReadAsStringAsync());

    private HttpClient ClientWith(string token)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
