namespace AutoKms.Application.Common.Auditing;

/// <summary>
/// The stable operation names of the audit trail. They are stored and searched for, so a name
/// never changes once released; each audited request names its operation from this list
/// (<see cref="Interfaces.IAuditedRequest"/>), never from its type name.
/// </summary>
public static class AuditOperations
{
    // Keys
    public static readonly AuditOperation CreateKey = new(nameof(CreateKey), ChangesState: true);
    public static readonly AuditOperation CreateKeys = new(nameof(CreateKeys), ChangesState: true);
    public static readonly AuditOperation GetKey = new(nameof(GetKey), ChangesState: false);
    public static readonly AuditOperation ListKeys = new(nameof(ListKeys), ChangesState: false);
    public static readonly AuditOperation UpdateKey = new(nameof(UpdateKey), ChangesState: true);
    public static readonly AuditOperation UpdateKeys = new(nameof(UpdateKeys), ChangesState: true);
    public static readonly AuditOperation DeleteKeys = new(nameof(DeleteKeys), ChangesState: true);
    public static readonly AuditOperation RotateKey = new(nameof(RotateKey), ChangesState: true);

    /// <summary>A rotation the service made because the key's rotation period ran out (principal <c>service</c>).</summary>
    public static readonly AuditOperation ScheduledRotation = new(nameof(ScheduledRotation), ChangesState: true);

    // Key versions
    public static readonly AuditOperation CreateKeyVersion = new(nameof(CreateKeyVersion), ChangesState: true);
    public static readonly AuditOperation GetKeyVersion = new(nameof(GetKeyVersion), ChangesState: false);
    public static readonly AuditOperation ListKeyVersions = new(nameof(ListKeyVersions), ChangesState: false);
    public static readonly AuditOperation UpdateKeyVersion = new(nameof(UpdateKeyVersion), ChangesState: true);
    public static readonly AuditOperation UpdateKeyVersions = new(nameof(UpdateKeyVersions), ChangesState: true);
    public static readonly AuditOperation DestroyKeyVersion = new(nameof(DestroyKeyVersion), ChangesState: true);
    public static readonly AuditOperation DestroyKeyVersions = new(nameof(DestroyKeyVersions), ChangesState: true);

    // Deleted keys
    public static readonly AuditOperation ListDeletedKeys = new(nameof(ListDeletedKeys), ChangesState: false);
    public static readonly AuditOperation RecoverKey = new(nameof(RecoverKey), ChangesState: true);
    public static readonly AuditOperation PurgeKey = new(nameof(PurgeKey), ChangesState: true);

    /// <summary>A purge the service made because the key's retention window ran out (principal <c>service</c>).</summary>
    public static readonly AuditOperation ScheduledPurge = new(nameof(ScheduledPurge), ChangesState: true);

    // Cryptography: nothing leaves the service before the outcome is recorded, so no intent record.
    public static readonly AuditOperation Encrypt = new(nameof(Encrypt), ChangesState: false);
    public static readonly AuditOperation EncryptBatch = new(nameof(EncryptBatch), ChangesState: false);
    public static readonly AuditOperation Decrypt = new(nameof(Decrypt), ChangesState: false);
    public static readonly AuditOperation DecryptBatch = new(nameof(DecryptBatch), ChangesState: false);
    public static readonly AuditOperation Rewrap = new(nameof(Rewrap), ChangesState: false);
    public static readonly AuditOperation RewrapBatch = new(nameof(RewrapBatch), ChangesState: false);
    public static readonly AuditOperation WrapKey = new(nameof(WrapKey), ChangesState: false);
    public static readonly AuditOperation UnwrapKey = new(nameof(UnwrapKey), ChangesState: false);
    public static readonly AuditOperation GenerateDataKey = new(nameof(GenerateDataKey), ChangesState: false);
    public static readonly AuditOperation Sign = new(nameof(Sign), ChangesState: false);
    public static readonly AuditOperation VerifySignature = new(nameof(VerifySignature), ChangesState: false);
    public static readonly AuditOperation ComputeMac = new(nameof(ComputeMac), ChangesState: false);
    public static readonly AuditOperation VerifyMac = new(nameof(VerifyMac), ChangesState: false);
    public static readonly AuditOperation GetPublicKey = new(nameof(GetPublicKey), ChangesState: false);
    public static readonly AuditOperation GenerateRandom = new(nameof(GenerateRandom), ChangesState: false);

    /// <summary>A JSON-RPC request refused as a whole before any of its calls ran (authentication, authorisation).</summary>
    public static readonly AuditOperation Rpc = new(nameof(Rpc), ChangesState: false);

    // Tokens and the root key: administration, recorded like key changes.
    public static readonly AuditOperation CreateToken = new(nameof(CreateToken), ChangesState: true);
    public static readonly AuditOperation ListTokens = new(nameof(ListTokens), ChangesState: false);
    public static readonly AuditOperation RevokeToken = new(nameof(RevokeToken), ChangesState: true);
    public static readonly AuditOperation RotateRootKey = new(nameof(RotateRootKey), ChangesState: true);

    // The audit routes: recorded only when refused. Reading the trail is not recorded when allowed,
    // so it still works when the trail cannot be written.
    public static readonly AuditOperation ListAuditRecords = new(nameof(ListAuditRecords), ChangesState: false);
    public static readonly AuditOperation VerifyAuditTrail = new(nameof(VerifyAuditTrail), ChangesState: false);

    public static IReadOnlyList<AuditOperation> All { get; } =
    [
        CreateKey, CreateKeys, GetKey, ListKeys, UpdateKey, UpdateKeys, DeleteKeys, RotateKey, ScheduledRotation,
        CreateKeyVersion, GetKeyVersion, ListKeyVersions, UpdateKeyVersion, UpdateKeyVersions, DestroyKeyVersion, DestroyKeyVersions,
        ListDeletedKeys, RecoverKey, PurgeKey, ScheduledPurge,
        Encrypt, EncryptBatch, Decrypt, DecryptBatch, Rewrap, RewrapBatch, WrapKey, UnwrapKey, GenerateDataKey,
        Sign, VerifySignature, ComputeMac, VerifyMac, GetPublicKey, GenerateRandom,
        Rpc, ListAuditRecords, VerifyAuditTrail, CreateToken, ListTokens, RevokeToken, RotateRootKey,
    ];
}
