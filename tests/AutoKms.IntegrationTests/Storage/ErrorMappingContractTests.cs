using AutoKms.Application.Common.Exceptions;
using AutoKms.Domain.Keys;
using AutoKms.Infrastructure.Persistence;
using AutoKms.Infrastructure.Persistence.Repositories;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.Storage;

/// <summary>
/// Provider errors leave Infrastructure as the Application's exceptions: a lock held past the
/// wait is busy (503), a unique index a conflict (409). Lock waits here end at once (SQLite) or
/// after half a second (PostgreSQL).
/// </summary>
[TestFixture(TestDatabase.Sqlite)]
[TestFixture(TestDatabase.Postgres)]
public sealed class ErrorMappingContractTests(string provider) : StorageContractTest(provider)
{
    protected override bool QuickLocks => true;

    [Test]
    public async Task Changing_a_key_another_transaction_is_changing_is_busy_once_the_wait_runs_out()
    {
        var key = Key.Create(Guid.NewGuid(), UniqueName("held"), KeyAlgorithm.Aes256Gcm, KeyUsage.EncryptDecrypt, Guid.NewGuid(), [1], Now);
        await InTransactionAsync(session => Keys(session).AddAsync(key, CancellationToken.None));

        await using var holder = NewSession();
        await holder.BeginAsync(CancellationToken.None);
        var held = (await Keys(holder).GetAsync(key.Id, CancellationToken.None))!;
        held.Disable(Now);
        await Keys(holder).SaveAsync(held, CancellationToken.None);

        await using var other = NewSession();
        var error = Assert.ThrowsAsync<DatabaseBusyException>(async () =>
        {
            await other.BeginAsync(CancellationToken.None);
            await Keys(other).GetAsync(key.Id, CancellationToken.None);
        });
        await other.RollbackAsync(CancellationToken.None);
        await holder.RollbackAsync(CancellationToken.None);

        Assert.That(PersistenceErrors.IsBusy(error!.InnerException!), Is.True);
    }

    [Test]
    public async Task A_unique_index_refusing_a_row_is_recognised_as_such()
    {
        var name = UniqueName("unique");
        await InTransactionAsync(session => session.WriteAsync(
            (connection, transaction) => Dapper.SqlMapper.ExecuteAsync(connection, "INSERT INTO kms_meta (name, value) VALUES (@Name, @Value)", new { Name = name, Value = new byte[] { 1 } }, transaction),
            CancellationToken.None));

        await using var session = NewSession();
        await session.BeginAsync(CancellationToken.None);
        var error = Assert.CatchAsync(() => session.WriteAsync(
            (connection, transaction) => Dapper.SqlMapper.ExecuteAsync(connection, "INSERT INTO kms_meta (name, value) VALUES (@Name, @Value)", new { Name = name, Value = new byte[] { 2 } }, transaction),
            CancellationToken.None));
        await session.RollbackAsync(CancellationToken.None);

        Assert.That(PersistenceErrors.Classify(error!), Is.EqualTo(StorageError.UniqueViolation));
    }
}
