namespace AutoKms.Application.Common.Interfaces;

/// <summary>Marks a request whose handler must run inside one database transaction.</summary>
public interface ITransactionalRequest;
