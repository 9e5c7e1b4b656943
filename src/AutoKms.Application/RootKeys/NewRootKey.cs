namespace AutoKms.Application.RootKeys;

/// <summary>
/// The root key to rotate to, by reference, never by value: a root-key file on the service's
/// machine, or the label of an AES key in the configured PKCS#11 token (generated there if the
/// token has none by that label). Exactly one is given.
/// </summary>
public sealed record NewRootKey(string? KeyFile, string? Pkcs11KeyLabel);
