using System.Text.Json;
using Upon.Core.Coaching;
using Upon.Core.Disclosure;
using Upon.Register;
using Upon.Shared.Figures;

namespace Upon.Coaching;

/// <summary>
/// The coaching figures through the figure cache (<see cref="FigureReader"/>): computed once per change of the data and
/// per day, the staff view and the funder's side by side. Counting the wishes met reads the requests of each published
/// round, special-category data: that read is recorded in the audit log for every request served, as it was when each
/// request computed the figures, whether the figures come from the cache or not.
/// </summary>
public sealed class CoachingFigureCache(FigureReader figures, CoachingReport report)
{
    private sealed record Read<T>(T Value, IReadOnlyList<int> RoundsRead);

    private async Task<Read<CoachingFigures>> ExactAsync(CancellationToken cancellationToken) =>
        (await figures.GetAsync("coaching|exact", async (services, token) =>
        {
            var (exact, roundsRead) = await services.GetRequiredService<CoachingReport>().ReadFiguresAsync(token);
            return new Read<CoachingFigures>(exact, roundsRead);
        }, cancellationToken)).Value;

    private Task<CachedFigure<Read<CoachingReportFigures>>> ReadPublishedAsync(DisclosureRule rule, CancellationToken cancellationToken) =>
        figures.GetAsync($"coaching|published|{FigureReader.ViewKey(rule)}", async (services, token) =>
        {
            var exact = await services.GetRequiredService<CoachingFigureCache>().ExactAsync(token);
            return new Read<CoachingReportFigures>(CoachingReportFigures.From(CoachingDisclosure.Disclose(rule, exact.Value)), exact.RoundsRead);
        }, cancellationToken);

    /// <summary>The figures as <paramref name="rule"/> lets them be published (<see cref="CoachingReport.PublishedAsync"/>).</summary>
    public async Task<CoachingReportFigures> PublishedAsync(DisclosureRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var read = (await ReadPublishedAsync(rule, cancellationToken)).Value;
        await report.RecordReadsAsync(read.RoundsRead, cancellationToken);
        return read.Value;
    }

    /// <summary>The API's JSON of the figures as <paramref name="rule"/> lets them be published.</summary>
    public async Task<CachedFigure<byte[]>> JsonAsync(DisclosureRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var json = await figures.GetAsync($"coaching|json|{FigureReader.ViewKey(rule)}", async (services, token) =>
        {
            var read = (await services.GetRequiredService<CoachingFigureCache>().ReadPublishedAsync(rule, token)).Value;
            return new Read<byte[]>(JsonSerializer.SerializeToUtf8Bytes(read.Value, TurnoverReport.Json), read.RoundsRead);
        }, cancellationToken);
        await report.RecordReadsAsync(json.Value.RoundsRead, cancellationToken);
        return new CachedFigure<byte[]>(json.Value.Value, json.ETag);
    }
}
