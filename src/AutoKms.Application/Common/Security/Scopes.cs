namespace AutoKms.Application.Common.Security;

/// <summary>The scopes a token or JWT may carry; <see cref="Admin"/> implies every other.</summary>
public static class Scopes
{
    public const string Admin = "kms.admin";
    public const string KeysManage = "kms.keys.manage";
    public const string KeysRead = "kms.keys.read";
    public const string Encrypt = "kms.encrypt";
    public const string Decrypt = "kms.decrypt";
    public const string Sign = "kms.sign";
    public const string Verify = "kms.verify";

    public static IReadOnlyList<string> All { get; } = [Admin, KeysManage, KeysRead, Encrypt, Decrypt, Sign, Verify];
}
