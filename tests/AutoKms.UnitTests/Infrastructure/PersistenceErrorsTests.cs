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
    public void IsBusy_ForAnythingElse_IsFalse()
    {
        Assert.That(PersistenceErrors.IsBusy(new InvalidOperationException("bug")), Is.False);
    }
}
