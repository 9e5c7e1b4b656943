namespace AutoKms.Application.Common.Interfaces;

public static class UnitOfWorkExtensions
{
    /// <summary>Runs <paramref name="work"/> in one transaction: committed if it returns, rolled back if it throws.</summary>
    public static async Task<T> InTransactionAsync<T>(this IUnitOfWork unitOfWork, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unitOfWork);
        ArgumentNullException.ThrowIfNull(work);
        await unitOfWork.BeginAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await work().ConfigureAwait(false);
            await unitOfWork.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch
        {
            await unitOfWork.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }
}
