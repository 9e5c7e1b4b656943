namespace AutoKms.Application.Common.Auditing;

/// <summary>
/// What a use case learns while it runs that its audit record needs and its request does not say:
/// the key it created, the version an encrypt or decrypt used. One per scope; the audit behaviour
/// opens a fresh note for each request it audits (JSON-RPC runs several requests in one scope).
/// Noting outside an audited request does nothing.
/// </summary>
public sealed class AuditNotes
{
    private Note? _current;

    /// <summary>Starts the note of one request; disposing it restores the enclosing one.</summary>
    public Note Begin()
    {
        var note = new Note(this, _current);
        _current = note;
        return note;
    }

    public void KeyUsed(Guid keyId) => _current?.AddKey(keyId);

    public void VersionUsed(Guid keyId, int version)
    {
        _current?.AddKey(keyId);
        _current?.AddVersion(version);
    }

    /// <summary>One request's notes: a key or version is reported only when exactly one was used.</summary>
    public sealed class Note : IDisposable
    {
        private readonly AuditNotes _owner;
        private readonly Note? _enclosing;
        private readonly HashSet<Guid> _keys = [];
        private readonly HashSet<int> _versions = [];

        internal Note(AuditNotes owner, Note? enclosing)
        {
            _owner = owner;
            _enclosing = enclosing;
        }

        /// <summary>The one key the request touched, or <c>null</c> for none or several.</summary>
        public Guid? KeyId => _keys.Count == 1 ? _keys.First() : null;

        /// <summary>The one version the request used, or <c>null</c> for none or several (a batch across versions).</summary>
        public int? Version => _versions.Count == 1 && _keys.Count == 1 ? _versions.First() : null;

        public void Dispose() => _owner._current = _enclosing;

        internal void AddKey(Guid keyId) => _keys.Add(keyId);

        internal void AddVersion(int version) => _versions.Add(version);
    }
}
