namespace AutoKms.Infrastructure.Persistence.Migrations;

/// <summary>
/// The PostgreSQL schema, step for step the same as <see cref="SqliteMigrations"/> (same version
/// numbers, tables, columns, indexes and rules) in PostgreSQL's types: ids <c>uuid</c>, times
/// <c>timestamptz</c>, blobs <c>bytea</c>, counters <c>bigint</c>. Never edit a released step: add
/// the next one, to both lists. The audit trail keeps its text exactly as hashed (the time as
/// text too: <c>timestamptz</c> would round it to the microsecond and break the chain).
/// </summary>
public static class PostgresMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "keys, versions and service metadata", """
            CREATE TABLE kms_meta (
                name  text PRIMARY KEY,
                value bytea NOT NULL
            );

            CREATE TABLE keys (
                id              uuid PRIMARY KEY,
                name            text NOT NULL,
                algorithm       text NOT NULL,
                usage           text NOT NULL,
                status          text NOT NULL,
                primary_version integer NOT NULL,
                created_at      timestamptz NOT NULL,
                updated_at      timestamptz NOT NULL,
                deleted_at      timestamptz NULL
            );

            -- Names stay taken while a deleted key waits out its retention window.
            CREATE UNIQUE INDEX ux_keys_name ON keys (name);
            CREATE INDEX ix_keys_created ON keys (created_at, id);

            CREATE TABLE key_versions (
                id              uuid PRIMARY KEY,
                key_id          uuid NOT NULL REFERENCES keys (id) ON DELETE CASCADE,
                version         integer NOT NULL,
                status          text NOT NULL,
                sealed_material bytea NULL,
                encryptions     bigint NOT NULL DEFAULT 0,
                created_at      timestamptz NOT NULL,
                updated_at      timestamptz NOT NULL,
                UNIQUE (key_id, version)
            );
            """),
        new(2, "minimum decryption version, rotation schedule", """
            ALTER TABLE keys ADD COLUMN min_decryption_version integer NOT NULL DEFAULT 1;
            ALTER TABLE keys ADD COLUMN rotation_period_days integer NULL;
            ALTER TABLE keys ADD COLUMN next_rotation_at timestamptz NULL;
            CREATE INDEX ix_keys_next_rotation ON keys (next_rotation_at) WHERE next_rotation_at IS NOT NULL AND deleted_at IS NULL;
            CREATE INDEX ix_keys_deleted ON keys (deleted_at) WHERE deleted_at IS NOT NULL;
            """),
        new(3, "bearer tokens, stored by the SHA-256 of their secret", """
            CREATE TABLE tokens (
                id          uuid PRIMARY KEY,
                name        text NOT NULL UNIQUE,
                scopes      text NOT NULL,
                key_globs   text NOT NULL,
                secret_hash bytea NOT NULL UNIQUE,
                created_at  timestamptz NOT NULL,
                expires_at  timestamptz NULL,
                revoked_at  timestamptz NULL
            );
            """),
        new(4, "hash-chained audit trail", """
            -- Append-only: seq is assigned by the appender, 1, 2, 3, ... under a table lock, and each
            -- hash chains to the previous record's (Application/Common/Auditing/AuditChain). Text is
            -- stored exactly as hashed: time as its fixed-width UTC text, key_id as a uuid whose text
            -- form is the lowercase "D" form that was hashed.
            CREATE TABLE audit_log (
                seq            bigint PRIMARY KEY,
                time           text NOT NULL,
                principal      text NOT NULL,
                operation      text NOT NULL,
                key_id         uuid NULL,
                version        bigint NULL,
                outcome        text NOT NULL,
                items          bigint NULL,
                request_id     text NULL,
                client_address text NULL,
                hash           text NOT NULL
            );

            CREATE INDEX ix_audit_key ON audit_log (key_id, seq) WHERE key_id IS NOT NULL;

            -- The service never changes or removes a record; these stop it doing so by mistake
            -- (TRUNCATE included, which skips row triggers). The table's owner can drop them,
            -- which is what the hash chain is for.
            CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'the audit trail is append-only';
            END;
            $$;
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
            CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
                FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
            """),
        new(5, "encryption leases, change feed", """
            -- Encryptions reserved against the version's limit by every instance together
            -- (Infrastructure/Persistence/EncryptionLeases): never less than encryptions made.
            ALTER TABLE key_versions ADD COLUMN encryptions_leased bigint NOT NULL DEFAULT 0;
            UPDATE key_versions SET encryptions_leased = encryptions;

            -- One row per change to a key or a token, written in the change's own transaction;
            -- every instance reads it to drop what it cached (Infrastructure/Persistence/ChangeFeed).
            -- Writers lock the table while they append, so seq order is commit order (ChangeFeed).
            -- Rows are pruned after an hour.
            CREATE TABLE changes (
                seq     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                kind    text NOT NULL,
                subject uuid NOT NULL,
                origin  text NOT NULL,
                at      timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX ix_changes_at ON changes (at);
            """),
    ];
}
