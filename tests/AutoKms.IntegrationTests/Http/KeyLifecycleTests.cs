using System.Net;
using AutoKms.Application.DeletedKeys.Commands.PurgeExpiredKeys;
using AutoKms.Application.Keys.Commands.RotateDueKeys;
using AutoKms.IntegrationTests.Support;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AutoKms.IntegrationTests.Http;

public sealed class KeyLifecycleTests : ApiTestBase
{
    [Test]
    public async Task MinDecryptionVersion_RefusesOlderVersionsWith403_AndCannotPassThePrimary()
    {
        var key = await CreateKeyAsync();
        var v1 = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = Json.B64("old") }).ReadNodeAsync();
        await Client.PostAsync($"/kms/key/{key["id"]}/rotate", null).Ensure(HttpStatusCode.Created);
        var v2 = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = Json.B64("new") }).ReadNodeAsync();

        var updated = await Client.PatchJsonAsync($"/kms/key/{key["id"]}", new { min_decryption_version = 2 }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var refused = await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", new { ciphertext = v1["ciphertext"]!.GetValue<string>() });
        var allowed = await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", new { ciphertext = v2["ciphertext"]!.GetValue<string>() }).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(updated["min_decryption_version"]!.GetValue<int>(), Is.EqualTo(2));
        await AssertProblem(refused, HttpStatusCode.Forbidden, "min_decryption_version");
        Assert.That(Json.Text(allowed["plaintext_b64"]), Is.EqualTo("new"));
        await AssertProblem(await Client.PatchJsonAsync($"/kms/key/{key["id"]}", new { min_decryption_version = 3 }), HttpStatusCode.Conflict, "min_decryption_version");
        await AssertProblem(await Client.PatchJsonAsync($"/kms/key/{key["id"]}", new { min_decryption_version = 0 }), (HttpStatusCode)422);
    }

    [Test]
    public async Task DestroyingVersionOne_Makes_ItsCiphertexts403_WhileVersionTwoWorks()
    {
        var key = await CreateKeyAsync();
        var v1 = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = Json.B64("one") }).ReadNodeAsync();
        await Client.PostAsync($"/kms/key/{key["id"]}/rotate", null).Ensure(HttpStatusCode.Created);
        var v2 = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = Json.B64("two") }).ReadNodeAsync();
        var version1 = (await Client.GetAsync($"/kms/key_version?key_id={key["id"]}").ReadNodeAsync()).AsArray().Single(v => v!["version"]!.GetValue<int>() == 1)!;

        await Client.PatchJsonAsync($"/kms/key_version/{version1["id"]}", new { status = "destroyed" }).Ensure(HttpStatusCode.OK);

        await AssertProblem(await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", new { ciphertext = v1["ciphertext"]!.GetValue<string>() }), HttpStatusCode.Forbidden, "Key version is destroyed");
        var two = await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", new { ciphertext = v2["ciphertext"]!.GetValue<string>() }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        Assert.That(Json.Text(two["plaintext_b64"]), Is.EqualTo("two"));
    }

    [Test]
    public async Task DeletedKey_IsListed_RecoversWithinTheWindow_AndAfterPurgeIsGoneWithItsNameFree()
    {
        var key = await CreateKeyAsync();
        var id = key["id"]!.GetValue<string>();
        var name = key["name"]!.GetValue<string>();
        var encrypted = await Client.PostJsonAsync($"/kms/key/{id}/encrypt", new { plaintext_b64 = Json.B64("kept") }).ReadNodeAsync();

        var deleted = await Client.DeleteAsync($"/kms/key/{id}").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        await AssertProblem(await Client.GetAsync($"/kms/key/{id}"), HttpStatusCode.NotFound, "Key not found");
        await AssertProblem(await Client.PostJsonAsync("/kms/key", new { name, algorithm = "AES256_GCM" }), HttpStatusCode.Conflict, "already exists");
        var listed = (await Client.GetAsync("/kms/deleted_key?limit=1000").ReadNodeAsync()).AsArray().Single(k => k!["id"]!.GetValue<string>() == id)!;
        var recovered = await Client.PostAsync($"/kms/deleted_key/{id}/recover", null).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var decrypted = await Client.PostJsonAsync($"/kms/key/{id}/decrypt", new { ciphertext = encrypted["ciphertext"]!.GetValue<string>() }).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(deleted.ToJsonString(), Is.EqualTo("""{"deleted":1}"""));
        Assert.That(DateTimeOffset.Parse(listed["purge_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            - DateTimeOffset.Parse(listed["deleted_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(TimeSpan.FromDays(7)));
        Assert.That(recovered["id"]!.GetValue<string>(), Is.EqualTo(id));
        Assert.That(Json.Text(decrypted["plaintext_b64"]), Is.EqualTo("kept"));

        await Client.DeleteAsync($"/kms/key/{id}").Ensure(HttpStatusCode.OK);
        var purged = await Client.DeleteAsync($"/kms/deleted_key/{id}").Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(purged["deleted"]!.GetValue<int>(), Is.EqualTo(1));
        await AssertProblem(await Client.PostAsync($"/kms/deleted_key/{id}/recover", null), HttpStatusCode.NotFound);
        await AssertProblem(await Client.DeleteAsync($"/kms/deleted_key/{id}"), HttpStatusCode.NotFound);
        await AssertProblem(await Client.GetAsync($"/kms/key/{id}"), HttpStatusCode.NotFound);
        Assert.That((await Client.GetAsync("/kms/deleted_key?limit=1000").ReadNodeAsync()).AsArray().Any(k => k!["id"]!.GetValue<string>() == id), Is.False);
        await Client.PostJsonAsync("/kms/key", new { name, algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created);
    }

    [Test]
    public async Task RecoverAndPurge_OfALiveOrUnknownKey_Return404()
    {
        var live = await CreateKeyAsync();

        await AssertProblem(await Client.PostAsync($"/kms/deleted_key/{live["id"]}/recover", null), HttpStatusCode.NotFound, "Deleted key not found");
        await AssertProblem(await Client.DeleteAsync($"/kms/deleted_key/{live["id"]}"), HttpStatusCode.NotFound);
        await AssertProblem(await Client.DeleteAsync($"/kms/deleted_key/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await AssertProblem(await Client.PostAsync("/kms/deleted_key/nope/recover", null), (HttpStatusCode)422, "Invalid UUID");
        await Client.GetAsync($"/kms/key/{live["id"]}").Ensure(HttpStatusCode.OK);
    }
}

/// <summary>Schedules and limits, with a clock the test moves and small limits.</summary>
public sealed class KeyScheduleTests
{
    [Test]
    public async Task RotationPeriod_WhenDue_TheMaintenanceServiceRotates_AndShowsNextRotationAt()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        using var factory = new KmsApiFactory(clock: clock);
        using var client = factory.CreateClient();
        var key = await client.PostJsonAsync("/kms/key", new { name = "rotating", algorithm = "AES256_GCM", rotation_period_days = 30 }).Ensure(HttpStatusCode.Created).ReadNodeAsync();
        var id = key["id"]!.GetValue<string>();

        Assert.That(key["rotation_period_days"]!.GetValue<int>(), Is.EqualTo(30));
        Assert.That(DateTimeOffset.Parse(key["next_rotation_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(clock.GetUtcNow().AddDays(30)).Within(TimeSpan.FromSeconds(1)));

        Assert.That(await RunMaintenance(factory), Is.EqualTo((0, 0)), "not due yet");
        clock.Advance(TimeSpan.FromDays(31));
        Assert.That((await RunMaintenance(factory)).Rotated, Is.EqualTo(1));

        var after = await client.GetAsync($"/kms/key/{id}").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        Assert.That(after["primary_version"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(DateTimeOffset.Parse(after["next_rotation_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(clock.GetUtcNow().AddDays(30)).Within(TimeSpan.FromSeconds(1)));

        var off = await client.PatchJsonAsync($"/kms/key/{id}", new { rotation_period_days = 0 }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        Assert.That(off["next_rotation_at"], Is.Null);
    }

    [Test]
    public async Task RetentionWindow_WhenOver_TheMaintenanceServicePurgesTheDeletedKey()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        using var factory = new KmsApiFactory(clock: clock, settings: new Dictionary<string, string?> { ["Kms:DeletedKeyRetentionDays"] = "2" });
        using var client = factory.CreateClient();
        var key = await client.PostJsonAsync("/kms/key", new { name = "short-lived", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync();
        var id = key["id"]!.GetValue<string>();
        await client.DeleteAsync($"/kms/key/{id}").Ensure(HttpStatusCode.OK);

        clock.Advance(TimeSpan.FromDays(1));
        Assert.That((await RunMaintenance(factory)).Purged, Is.EqualTo(0));
        clock.Advance(TimeSpan.FromDays(1.5));
        Assert.That((await RunMaintenance(factory)).Purged, Is.EqualTo(1));

        await client.PostAsync($"/kms/deleted_key/{id}/recover", null).Ensure(HttpStatusCode.NotFound);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM key_versions WHERE key_id = $id";
        command.Parameters.AddWithValue("$id", id);
        Assert.That((long)(await command.ExecuteScalarAsync())!, Is.Zero, "purging erases the versions' material");
    }

    [Test]
    public async Task ListDeletedKeys_WhenExpiredDeletedKeysSitBeforeRecoverableOnes_AnswersAFullPage()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        var settings = new Dictionary<string, string?>
        {
            ["Kms:DeletedKeyRetentionDays"] = "2",
            ["Kms:MaintenanceIntervalSeconds"] = "3600", // no purge behind the test's back: the expired keys stay stored
        };
        using var factory = new KmsApiFactory(clock: clock, settings: settings);
        using var client = factory.CreateClient();
        async Task<string> CreateAndDeleteAsync(string name)
        {
            var id = (await client.PostJsonAsync("/kms/key", new { name, algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();
            await client.DeleteAsync($"/kms/key/{id}").Ensure(HttpStatusCode.OK);
            return id;
        }

        // Oldest deletions first: the two expired keys come before the recoverable ones in storage order.
        await CreateAndDeleteAsync("expired-1");
        await CreateAndDeleteAsync("expired-2");
        clock.Advance(TimeSpan.FromDays(3));
        var recoverable = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            recoverable.Add(await CreateAndDeleteAsync($"recoverable-{i}"));
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var firstPage = (await client.GetAsync("/kms/deleted_key?limit=2").Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();
        var secondPage = (await client.GetAsync("/kms/deleted_key?limit=2&offset=2").Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();

        Assert.That(firstPage.Select(k => k!["id"]!.GetValue<string>()), Is.EqualTo(recoverable.Take(2)), "a full page of recoverable keys");
        Assert.That(secondPage.Select(k => k!["id"]!.GetValue<string>()), Is.EqualTo(recoverable.Skip(2)), "offsets count recoverable keys only");
        Assert.That(await RunMaintenance(factory), Is.EqualTo((0, 2)), "the expired keys were stored all along");
    }

    [Test]
    public async Task EncryptionLimit_WhenThePrimaryVersionReachesIt_TheKeyRotatesBeforeTheNextEncryption()
    {
        using var factory = new KmsApiFactory(settings: new Dictionary<string, string?> { ["Kms:MaxEncryptionsPerVersion"] = "3" });
        using var client = factory.CreateClient();
        var key = await client.PostJsonAsync("/kms/key", new { name = "limited", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync();
        var id = key["id"]!.GetValue<string>();

        var versions = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var encrypted = await client.PostJsonAsync($"/kms/key/{id}/encrypt", new { plaintext_b64 = Json.B64($"n{i}") }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
            versions.Add(encrypted["version"]!.GetValue<int>());
        }

        var after = await client.GetAsync($"/kms/key/{id}").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        Assert.That(versions, Is.EqualTo(new[] { 1, 1, 1, 2 }));
        Assert.That(after["primary_version"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(after["encryptions"]!.GetValue<long>(), Is.EqualTo(1));
    }

    [Test]
    public async Task EncryptionLimit_ABatchThatWouldPassIt_RunsEntirelyUnderTheNextVersion()
    {
        using var factory = new KmsApiFactory(settings: new Dictionary<string, string?> { ["Kms:MaxEncryptionsPerVersion"] = "3" });
        using var client = factory.CreateClient();
        var id = (await client.PostJsonAsync("/kms/key", new { name = "limited-batch", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();
        await client.PostJsonAsync($"/kms/key/{id}/encrypt", new { plaintext_b64 = "AA==" }).Ensure(HttpStatusCode.OK);
        await client.PostJsonAsync($"/kms/key/{id}/encrypt", new { plaintext_b64 = "AA==" }).Ensure(HttpStatusCode.OK);

        var batch = (await client.PostJsonAsync($"/kms/key/{id}/encrypt/batch", new { batch_input = new[] { new { plaintext_b64 = "AA==" }, new { plaintext_b64 = "AQ==" } } })
            .Ensure(HttpStatusCode.OK).ReadNodeAsync())["batch_results"]!.AsArray();

        Assert.That(batch.Select(r => r!["version"]!.GetValue<int>()), Is.EqualTo(new[] { 2, 2 }), "version 1 never passes its 3 encryptions");
    }

    [Test]
    public async Task EncryptionLimit_ABatchLargerThanTheLimitItself_Returns400_WithoutRotating()
    {
        using var factory = new KmsApiFactory(settings: new Dictionary<string, string?> { ["Kms:MaxEncryptionsPerVersion"] = "3" });
        using var client = factory.CreateClient();
        var id = (await client.PostJsonAsync("/kms/key", new { name = "tiny-limit", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();

        var response = await client.PostJsonAsync($"/kms/key/{id}/encrypt/batch", new { batch_input = Enumerable.Range(0, 5).Select(_ => new { plaintext_b64 = "AA==" }).ToArray() });
        var key = await client.GetAsync($"/kms/key/{id}").ReadNodeAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("send smaller batches"));
        Assert.That(key["primary_version"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task EncryptionLimit_UnderConcurrentBatches_NoVersionPassesIt()
    {
        using var factory = new KmsApiFactory(settings: new Dictionary<string, string?> { ["Kms:MaxEncryptionsPerVersion"] = "10" });
        using var client = factory.CreateClient();
        var id = (await client.PostJsonAsync("/kms/key", new { name = "limited-concurrent", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();
        var batch = new { batch_input = Enumerable.Range(0, 4).Select(_ => new { plaintext_b64 = "AA==" }).ToArray() };

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
            (await client.PostJsonAsync($"/kms/key/{id}/encrypt/batch", batch).Ensure(HttpStatusCode.OK).ReadNodeAsync())["batch_results"]!.AsArray()));
        var perVersion = answers.SelectMany(a => a).GroupBy(r => r!["version"]!.GetValue<int>()).ToDictionary(g => g.Key, g => g.Count());

        Assert.That(perVersion.Values.Sum(), Is.EqualTo(32));
        Assert.That(perVersion.Values, Is.All.LessThanOrEqualTo(10), string.Join(", ", perVersion.Select(p => $"v{p.Key}: {p.Value}")));
    }

    [Test]
    public async Task EncryptionCounts_ArePersisted_AndSurviveARestart()
    {
        var directory = TempDirectory.Create();
        var rootKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        string id;
        using (var factory = new KmsApiFactory(directory, rootKey))
        using (var client = factory.CreateClient())
        {
            id = (await client.PostJsonAsync("/kms/key", new { name = "counted", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();
            await client.PostJsonAsync($"/kms/key/{id}/encrypt/batch", new { batch_input = Enumerable.Range(0, 25).Select(_ => new { plaintext_b64 = "AA==" }).ToArray() }).Ensure(HttpStatusCode.OK);
            await client.PostJsonAsync($"/kms/key/{id}/datakey", new { }).Ensure(HttpStatusCode.OK);
            var live = await client.GetAsync($"/kms/key/{id}").ReadNodeAsync();
            Assert.That(live["encryptions"]!.GetValue<long>(), Is.EqualTo(26));
        }

        using var restarted = new KmsApiFactory(directory, rootKey);
        using var again = restarted.CreateClient();
        var key = await again.GetAsync($"/kms/key/{id}").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var listed = (await again.GetAsync("/kms/key?name=counted").ReadNodeAsync()).AsArray().Single()!;

        Assert.That(key["encryptions"]!.GetValue<long>(), Is.EqualTo(26));
        Assert.That(listed["encryptions"]!.GetValue<long>(), Is.EqualTo(26));
    }

    private static async Task<(int Rotated, int Purged)> RunMaintenance(KmsApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        return (await mediator.Send(new RotateDueKeysCommand()), await mediator.Send(new PurgeExpiredKeysCommand()));
    }
}
