namespace AutoKms.Application.Common.Models;

/// <summary>How many records a delete removed, as the original service answered: <c>{"deleted": 1}</c>.</summary>
public sealed record DeleteResult(int Deleted);
