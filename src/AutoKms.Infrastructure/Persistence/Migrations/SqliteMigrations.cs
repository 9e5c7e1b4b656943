namespace AutoKms.Infrastructure.Persistence.Migrations;

/// <summary>
/// The schema, as ordered steps. Never edit a released step: add the next one. Names, algorithms
/// and statuses are stored with their wire names; material only ever sealed.
/// </summary>
public static class SqliteMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "keys, versions and service metadata", """
            CREATE TABLE kms_meta (
                name  TEXT PRIMARY KEY,
                value BLOB NOT NULL
            );

            CREATE TABLE keys (
                id              TEXT PRIMARY KEY,
                name            TEXT NOT NULL,
                algorithm       TEXT NOT NULL,
                usage           TEXT NOT NULL,
                status          TEXT NOT NULL,
                primary_version INTEGER NOT NULL,
                created_at      TEXT NOT NULL,
                updated_at      TEXT NOT NULL,
                deleted_at      TEXT NULL
            );

            -- Names stay taken while a deleted key waits out its retention window.
            CREATE UNIQUE INDEX ux_keys_name ON keys (name);
            CREATE INDEX ix_keys_created ON keys (created_at, id);

            CREATE TABLE key_versions (
                id              TEXT PRIMARY KEY,
                key_id          TEXT NOT NULL REFERENCES keys (id) ON DELETE CASCADE,
                version         INTEGER NOT NULL,
                status          TEXT NOT NULL,
                sealed_material BLOB NULL,
                encryptions     INTEGER NOT NULL DEFAULT 0,
                created_at      TEXT NOT NULL,
                updated_at      TEXT NOT NULL,
                UNIQUE (key_id, version)
            );
            """),
        new(2, "minimum decryption version, rotation schedule", """
            ALTER TABLE keys ADD COLUMN min_decryption_version INTEGER NOT NULL DEFAULT 1;
            ALTER TABLE keys ADD COLUMN rotation_period_days INTEGER NULL;
            ALTER TABLE keys ADD COLUMN next_rotation_at TEXT NULL;
            CREATE INDEX ix_keys_next_rotation ON keys (next_rotation_at) WHERE next_rotation_at IS NOT NULL AND deleted_at IS NULL;
            CREATE INDEX ix_keys_deleted ON keys (deleted_at) WHERE deleted_at IS NOT NULL;
            """),
        new(3, "bearer tokens, stored by the SHA-256 of their secret", """
            CREATE TABLE tokens (
                id          TEXT PRIMARY KEY,
                name        TEXT NOT NULL UNIQUE,
                scopes      TEXT NOT NULL,
                key_globs   TEXT NOT NULL,
                secret_hash BLOB NOT NULL UNIQUE,
                created_at  TEXT NOT NULL,
                expires_at  TEXT NULL,
                revoked_at  TEXT NULL
            );
            """),
        new(4, "hash-chained audit trail", """
            -- Append-only: seq is assigned by the one writer, 1, 2, 3, ... and each hash chains to the
            -- previous record's (Application/Common/Auditing/AuditChain). Text is stored exactly as hashed.
            CREATE TABLE audit_log (
                seq            INTEGER PRIMARY KEY,
                time           TEXT NOT NULL,
                principal      TEXT NOT NULL,
                operation      TEXT NOT NULL,
                key_id         TEXT NULL,
                version        INTEGER NULL,
                outcome        TEXT NOT NULL,
                items          INTEGER NULL,
                request_id     TEXT NULL,
                client_address TEXT NULL,
                hash           TEXT NOT NULL
            );

            CREATE INDEX ix_audit_key ON audit_log (key_id, seq) WHERE key_id IS NOT NULL;

            -- The service never changes or removes a record; these stop it doing so by mistake.
            -- Someone with the file can drop them, which is what the hash chain is for.
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
            """),
        new(5, "encryption leases, change feed", """
            -- Encryptions reserved against the version's limit by every instance together
            -- (Infrastructure/Persistence/EncryptionLeases): never less than encryptions made.
            ALTER TABLE key_versions ADD COLUMN encryptions_leased INTEGER NOT NULL DEFAULT 0;
            UPDATE key_versions SET encryptions_leased = encryptions;

            -- One row per change to a key or a token, written in the change's own transaction;
            -- every instance reads it to drop what it cached (Infrastructure/Persistence/ChangeFeed).
            -- SQLite writers take turns, so seq order is commit order. Rows are pruned after an hour.
            CREATE TABLE changes (
                seq     INTEGER PRIMARY KEY AUTOINCREMENT,
                kind    TEXT NOT NULL,
                subject TEXT NOT NULL,
                origin  TEXT NOT NULL,
                at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            );
            CREATE INDEX ix_changes_at ON changes (at);
            """),
    ];
}
