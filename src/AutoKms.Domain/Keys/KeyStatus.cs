namespace AutoKms.Domain.Keys;

public enum KeyStatus
{
    Enabled,
    Disabled,
}
