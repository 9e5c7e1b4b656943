namespace AutoKms.Application.Common.Interfaces;

/// <summary>Makes one real round trip to the database.</summary>
public interface IHealthProbe
{
    Task CheckAsync(CancellationToken cancellationToken);
}
