using System.Net.Sockets;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Infrastructure.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AutoKms.UnitTests.Infrastructure;

/// <summary>PostgreSQL's errors, recognised by SQLSTATE (never by message) and translated like SQLite's.</summary>
public sealed class PostgresErrorsTests
{
    [TestCase("23505", StorageError.UniqueViolation)]
    [TestCase("40001", StorageError.Busy)]
    [TestCase("40P01", StorageError.Busy)]
    [TestCase("55P03", StorageError.Busy)]
    [TestCase("57014", StorageError.Busy)]
    [TestCase("53100", StorageError.Full)]
    [TestCase("25006", StorageError.ReadOnly)]
    [TestCase("08006", StorageError.Unavailable)]
    [TestCase("57P01", StorageError.Unavailable)]
    [TestCase("57P03", StorageError.Unavailable)]
    [TestCase("53300", StorageError.Unavailable)]
    [TestCase("23503", StorageError.None)]
    [TestCase("42P01", StorageError.None)]
    public void A_server_error_is_classified_by_its_SQLSTATE(string sqlState, StorageError expected)
    {
        Assert.That(PersistenceErrors.Classify(Server(sqlState, "could not serialize access")), Is.EqualTo(expected));
    }

    [Test]
    public void The_message_text_is_never_read()
    {
        Assert.That(PersistenceErrors.Classify(Server("42601", "deadlock detected; database is locked")), Is.EqualTo(StorageError.None));
    }

    [Test]
    public void A_broken_connection_is_unavailable_and_a_pool_wait_that_timed_out_is_busy()
    {
        Assert.That(PersistenceErrors.Classify(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))), Is.EqualTo(StorageError.Unavailable));
        Assert.That(PersistenceErrors.Classify(new NpgsqlException("The connection pool has been exhausted", new TimeoutException())), Is.EqualTo(StorageError.Busy));
    }

    [TestCase("40P01", typeof(DatabaseBusyException))]
    [TestCase("53100", typeof(StorageUnavailableException))]
    [TestCase("25006", typeof(StorageUnavailableException))]
    [TestCase("57P01", typeof(StorageUnavailableException))]
    public void Translated_errors_keep_their_cause(string sqlState, Type expected)
    {
        var cause = Server(sqlState, "refused");

        var error = Assert.CatchAsync(() => PersistenceErrors.TranslateBusyAsync(() => Task.FromException(cause)));

        Assert.That(error, Is.TypeOf(expected));
        Assert.That(error!.InnerException, Is.SameAs(cause));
    }

    [Test]
    public async Task A_server_that_refuses_connections_answers_storage_unavailable()
    {
        // Port 1 on the loopback address: nothing listens there, the refusal is immediate.
        using var database = new PostgresDatabase("Host=127.0.0.1;Port=1;Username=nobody;Database=nothing;Timeout=5");
        await using var session = new DbSession(database, new DatabaseActivity(), NullLogger<DbSession>.Instance);

        var error = Assert.ThrowsAsync<StorageUnavailableException>(() => session.QueryAsync<long>("SELECT 1", null, CancellationToken.None));

        Assert.That(error!.Message, Is.EqualTo("The database cannot be reached; retry the request once it is back."));
    }

    private static PostgresException Server(string sqlState, string message) => new(message, "ERROR", "ERROR", sqlState);
}
