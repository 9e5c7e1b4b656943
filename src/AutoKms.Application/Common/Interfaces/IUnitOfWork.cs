namespace AutoKms.Application.Common.Interfaces;

/// <summary>One transaction around the repository calls of a request.</summary>
public interface IUnitOfWork
{
    Task BeginAsync(CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);

    Task RollbackAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="action"/> once the open transaction commits (never if it rolls back),
    /// or at once when none is open. For effects outside the database, such as dropping a cache entry.
    /// </summary>
    void AfterCommit(Action action);
}
