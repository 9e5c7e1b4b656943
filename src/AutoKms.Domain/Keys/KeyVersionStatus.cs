namespace AutoKms.Domain.Keys;

public enum KeyVersionStatus
{
    Enabled,
    Disabled,
    Destroyed,
}
