using AutoKms.Application.Common.Exceptions;
using AutoKms.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace AutoKms.UnitTests.Infrastructure;

public sealed class PersistenceErrorsTests
{
    [TestCase(5, true)]
    [TestCase(6, true)]
    [TestCase(19, false)]
    [TestCase(1, false)]
    public void IsBusy_IsTrueOnlyForBusyOrLockedSqlite(int code, bool busy)
    {
        Assert.That(PersistenceErrors.IsBusy(new SqliteException("database is locked", code)), Is.EqualTo(busy));
    }

    [Test]
    public void IsBusy_GoesByTheErrorCode_NotTheMessage()
    {
        Assert.That(PersistenceErrors.IsBusy(new SqliteException("database is locked", 19)), Is.False);
        Assert.That(PersistenceErrors.IsBusy(new SqliteException("anything", 5)), Is.True);
    }

    [Test]
    public void TranslateBusyAsync_OfABusyError_ThrowsDatabaseBusy_KeepingTheCause()
    {
        var busy = new SqliteException("database is locked", 5);

        var error = Assert.ThrowsAsync<DatabaseBusyException>(() => PersistenceErrors.TranslateBusyAsync(() => Task.FromException(busy)));

        Assert.That(error!.InnerException, Is.SameAs(busy));
        Assert.That(error.Message, Is.EqualTo("The database is busy; retry the request."));
    }

    [Test]
    public void TranslateBusyAsync_OfAnyOtherError_LetsItThroughUnchanged()
    {
        var constraint = new SqliteException("UNIQUE constraint failed", 19);

        var error = Assert.ThrowsAsync<SqliteException>(() => PersistenceErrors.TranslateBusyAsync(() => Task.FromException(constraint)));

        Assert.That(error, Is.SameAs(constraint));
    }

    [TestCase(13, "full")]
    [TestCase(8, "read-only")]
    public void Translate_OfAFullOrReadOnlyDatabase_ThrowsStorageUnavailable_NamingWhich(int code, string which)
    {
        var refused = new SqliteException("database or disk is full", code);

        var error = Assert.ThrowsAsync<StorageUnavailableException>(() => PersistenceErrors.TranslateBusyAsync(() => Task.FromException(refused)));

        Assert.That(error!.InnerException, Is.SameAs(refused));
        Assert.That(error.Message, Does.Contain(which).And.Contain("nothing was changed"));
    }
}
