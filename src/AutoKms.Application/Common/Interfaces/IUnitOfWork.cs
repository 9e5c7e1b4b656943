namespace AutoKms.Application.Common.Interfaces;

/// <summary>One transaction around the repository calls of a request.</summary>
public interface IUnitOfWork
{
    Task BeginAsync(CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);

    Task RollbackAsync(CancellationToken cancellationToken);
}
