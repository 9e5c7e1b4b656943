using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AutoKms.Application.Common.Metrics;

/// <summary>
/// Every instrument of the service, on one <see cref="Meter"/> named <see cref="MeterName"/>
/// (System.Diagnostics.Metrics; the Api exports it at <c>GET /metrics</c>). One singleton, made
/// through the host's <see cref="IMeterFactory"/>. Each method records at most three tags, which
/// the runtime passes without allocating; every tag value is a name from a small fixed set
/// (request type, algorithm, operation, outcome, cache): never a key id, key name, token or
/// anything else a caller chooses.
/// </summary>
public sealed class KmsMetrics
{
    public const string MeterName = "AutoKms";

    /// <summary>Outcome of a use case: answered.</summary>
    public const string Ok = "ok";

    /// <summary>Outcome of a use case: refused for the caller's reason (4xx).</summary>
    public const string ClientError = "client_error";

    /// <summary>Outcome of a use case: failed for the service's reason (5xx).</summary>
    public const string ServerError = "server_error";

    /// <summary>Cache names the service uses with <see cref="CacheLookup"/>.</summary>
    public const string TokenCache = "token";

    /// <summary>The <c>cache</c> label of the key cache (keys as cryptographic operations load them).</summary>
    public const string KeyCache = "key";

    /// <summary>The <c>cache</c> label of the unsealed-material cache.</summary>
    public const string MaterialCache = "material";

    private static readonly double[] SecondsBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly int[] CountBuckets = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

    private readonly Histogram<double> _operationDuration;
    private readonly Counter<long> _cryptoOperations;
    private readonly Counter<long> _cacheLookups;
    private readonly Histogram<int> _auditBatchRecords;
    private readonly Histogram<double> _auditWait;
    private readonly Histogram<int> _counterFlushVersions;
    private readonly Histogram<double> _dbDuration;
    private readonly UpDownCounter<long> _keyGenerations;

    public KmsMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(MeterName);
        _operationDuration = Meter.CreateHistogram(
            "autokms.operation.duration", "s", "Time a use case (MediatR request) took, by request type and outcome.", advice: Seconds());
        _cryptoOperations = Meter.CreateCounter<long>(
            "autokms.crypto.operations", "{operation}", "Cryptographic operations the crypto provider performed, by algorithm and operation.");
        _cacheLookups = Meter.CreateCounter<long>(
            "autokms.cache.lookups", "{lookup}", "Cache lookups, by cache and result (hit or miss).");
        _auditBatchRecords = Meter.CreateHistogram(
            "autokms.audit.batch.records", "{record}", "Audit records written by one group commit.", advice: Counts());
        _auditWait = Meter.CreateHistogram(
            "autokms.audit.wait.duration", "s", "Time an audit record waited from being queued until its group commit was durable.", advice: Seconds());
        _counterFlushVersions = Meter.CreateHistogram(
            "autokms.encryption_counter.flush.versions", "{version}", "Key versions whose encryption counts one flush persisted.", advice: Counts());
        _dbDuration = Meter.CreateHistogram(
            "autokms.db.operation.duration", "s", "Time a database call of a request took, by operation (begin, commit, rollback, read, write).", advice: Seconds());
        _keyGenerations = Meter.CreateUpDownCounter<long>(
            "autokms.key_generation.pending", "{generation}", "Asymmetric key generations waiting for a slot (state=queued) or running (state=running).");
    }

    /// <summary>The meter every instrument is on.</summary>
    public Meter Meter { get; }

    /// <summary>A use case finished after <paramref name="elapsed"/>.</summary>
    /// <param name="request">The request type's name (a fixed set: never caller data).</param>
    /// <param name="outcome"><see cref="Ok"/>, <see cref="ClientError"/> or <see cref="ServerError"/>.</param>
    /// <param name="elapsed">How long it took.</param>
    public void OperationCompleted(string request, string outcome, TimeSpan elapsed) =>
        _operationDuration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("operation", request),
            new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>The crypto provider performed one operation.</summary>
    /// <param name="algorithm">The algorithm's wire name (<c>AES256_GCM</c>, ...).</param>
    /// <param name="operation">encrypt, decrypt, sign, verify, mac, verify_mac, wrap, unwrap, generate.</param>
    public void CryptoOperation(string algorithm, string operation) =>
        _cryptoOperations.Add(1, new KeyValuePair<string, object?>("algorithm", algorithm), new KeyValuePair<string, object?>("operation", operation));

    /// <summary>One lookup in a cache of the service.</summary>
    /// <param name="cache">The cache's fixed name (<see cref="TokenCache"/>, ...).</param>
    /// <param name="hit">Whether the entry was there.</param>
    public void CacheLookup(string cache, bool hit) =>
        _cacheLookups.Add(1, new KeyValuePair<string, object?>("cache", cache), new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    /// <summary>A group commit of the audit writer made <paramref name="records"/> records durable.</summary>
    public void AuditBatchCommitted(int records) => _auditBatchRecords.Record(records);

    /// <summary>One audit record is durable; <paramref name="enqueuedTimestamp"/> is when it was queued.</summary>
    public void AuditRecordDurable(long enqueuedTimestamp)
    {
        if (_auditWait.Enabled)
        {
            _auditWait.Record(Stopwatch.GetElapsedTime(enqueuedTimestamp).TotalSeconds);
        }
    }

    /// <summary>A flush of the batched encryption counter persisted the counts of <paramref name="versions"/> key versions.</summary>
    public void EncryptionCountsFlushed(int versions) => _counterFlushVersions.Record(versions);

    /// <summary>A database call finished (or failed); <paramref name="startTimestamp"/> is when it started.</summary>
    /// <param name="operation">begin, commit, rollback, read or write.</param>
    /// <param name="startTimestamp">When it started.</param>
    public void DbOperation(string operation, long startTimestamp)
    {
        if (_dbDuration.Enabled)
        {
            _dbDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, new KeyValuePair<string, object?>("operation", operation));
        }
    }

    /// <summary>An asymmetric key generation started waiting for a slot (+1) or stopped waiting (-1).</summary>
    public void KeyGenerationQueued(int delta) => _keyGenerations.Add(delta, new KeyValuePair<string, object?>("state", "queued"));

    /// <summary>An asymmetric key generation started running (+1) or finished (-1).</summary>
    public void KeyGenerationRunning(int delta) => _keyGenerations.Add(delta, new KeyValuePair<string, object?>("state", "running"));

    private static InstrumentAdvice<double> Seconds() => new() { HistogramBucketBoundaries = SecondsBuckets };

    private static InstrumentAdvice<int> Counts() => new() { HistogramBucketBoundaries = CountBuckets };
}
