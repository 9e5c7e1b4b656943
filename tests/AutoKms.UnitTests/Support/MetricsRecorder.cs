using System.Diagnostics.Metrics;
using AutoKms.Application.Common.Metrics;

namespace AutoKms.UnitTests.Support;

/// <summary>
/// A <see cref="KmsMetrics"/> on a meter factory of its own, and a listener that keeps every
/// measurement of that meter (and no other: tests run side by side).
/// </summary>
public sealed class MetricsRecorder : IMeterFactory
{
    private readonly List<Meter> _meters = [];
    private readonly List<(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags)> _measurements = [];
    private readonly MeterListener _listener = new();

    public MetricsRecorder()
    {
        Metrics = new KmsMetrics(this);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            lock (_meters)
            {
                if (_meters.Contains(instrument.Meter))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.Start();
    }

    public KmsMetrics Metrics { get; }

    /// <summary>The values one instrument recorded, with their tags, in order.</summary>
    public IReadOnlyList<(double Value, IReadOnlyDictionary<string, string?> Tags)> Of(string instrument)
    {
        lock (_measurements)
        {
            return [.. _measurements.Where(m => m.Instrument == instrument).Select(m => (m.Value, m.Tags))];
        }
    }

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        lock (_meters)
        {
            _meters.Add(meter);
        }

        return meter;
    }

    public void Dispose()
    {
        _listener.Dispose();
        lock (_meters)
        {
            _meters.ForEach(m => m.Dispose());
        }
    }

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, tag) in tags)
        {
            copy[key] = tag?.ToString();
        }

        lock (_measurements)
        {
            _measurements.Add((instrument.Name, value, copy));
        }
    }
}
