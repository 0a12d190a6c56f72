using Upon.Core.Impact;

namespace Upon.Shared.Reports;

/// <summary>Collects a section's measures, period by period, in the shape <see cref="IDfeReturnSection.MeasureAsync"/> returns.</summary>
public sealed class ReturnMeasures
{
    private readonly Dictionary<ReturnPeriod, Dictionary<string, ReturnMeasure>> _byPeriod = [];

    public void Add(ReturnPeriod period, string key, ReturnMeasure measure)
    {
        if (!_byPeriod.TryGetValue(period, out var figures))
        {
            _byPeriod[period] = figures = new Dictionary<string, ReturnMeasure>(StringComparer.Ordinal);
        }
        figures[key] = measure;
    }

    public IReadOnlyDictionary<ReturnPeriod, IReadOnlyDictionary<string, ReturnMeasure>> ToDictionary() =>
        _byPeriod.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, ReturnMeasure>)p.Value);
}
