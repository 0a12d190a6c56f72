using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core.Disclosure;
using Upon.Core.NewDirectors;
using Upon.Core.Register;
using Upon.Data;
using Upon.Shared.Figures;

namespace Upon.NewDirectors;

/// <summary>
/// The invitation figures through the figure cache (<see cref="FigureReader"/>): computed once per change of the data and per
/// day, and again when a sent invitation's link expires (which changes its answer before the next run marks it).
/// </summary>
public sealed class InvitationFigureCache(FigureReader figures)
{
    /// <summary>Every first-time director (the staff list and the figures are built from them).</summary>
    public async Task<IReadOnlyList<FirstTimeDirector>> FirstTimeDirectorsAsync(CancellationToken cancellationToken = default) =>
        (await figures.GetAsync("invitations|directors", async (services, token) =>
        {
            var report = services.GetRequiredService<InvitationReport>();
            var directors = await report.FirstTimeDirectorsAsync(null, token);
            return new Computed<IReadOnlyList<FirstTimeDirector>>(directors, await NextExpiryAsync(services, token));
        }, cancellationToken)).Value;

    /// <summary>Every year's exact figures.</summary>
    public async Task<IReadOnlyList<InvitationYearFigures>> AllYearsAsync(CancellationToken cancellationToken = default) =>
        (await figures.GetAsync("invitations|years", async (services, token) =>
        {
            var report = services.GetRequiredService<InvitationReport>();
            var directors = await services.GetRequiredService<InvitationFigureCache>().FirstTimeDirectorsAsync(token);
            return new Computed<IReadOnlyList<InvitationYearFigures>>(report.Years(directors), await NextExpiryAsync(services, token));
        }, cancellationToken)).Value;

    /// <summary>Every year's figures as <paramref name="rule"/> lets them be published.</summary>
    public async Task<IReadOnlyList<DisclosedInvitationYearFigures>> DisclosedYearsAsync(DisclosureRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return (await figures.GetAsync($"invitations|years|{FigureReader.ViewKey(rule)}", async (services, token) =>
        {
            var years = await services.GetRequiredService<InvitationFigureCache>().AllYearsAsync(token);
            return new Computed<IReadOnlyList<DisclosedInvitationYearFigures>>(InvitationDisclosure.Disclose(rule, years), await NextExpiryAsync(services, token));
        }, cancellationToken)).Value;
    }

    /// <summary>The API's JSON, exact (<paramref name="rule"/> null) or suppressed, of every year or one; null when that year has no figures.</summary>
    public Task<CachedFigure<byte[]?>> JsonAsync(DisclosureRule? rule, FinancialYear? year, CancellationToken cancellationToken = default) =>
        figures.GetAsync($"invitations|json|{FigureReader.ViewKey(rule)}|{year?.Label ?? "all"}",
            async (services, token) =>
            {
                var cached = services.GetRequiredService<InvitationFigureCache>();
                var json = rule is null
                    ? FigureJson.Serialise(await cached.AllYearsAsync(token), year, f => f.FinancialYear)
                    : FigureJson.Serialise([.. (await cached.DisclosedYearsAsync(rule, token)).Select(SuppressedInvitationYearFigures.From)], year, f => f.FinancialYear);
                return new Computed<byte[]?>(json, await NextExpiryAsync(services, token));
            }, cancellationToken);

    /// <summary>When the next sent invitation's link expires, turning its answer from awaiting to expired.</summary>
    private static async Task<Instant?> NextExpiryAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<UponDbContext>();
        var now = services.GetRequiredService<IClock>().GetCurrentInstant();
        var sent = await db.DirectorInvitations.AsNoTracking()
            .Where(i => i.Status == InvitationStatus.Sent)
            .Select(i => i.ExpiresAt)
            .ToListAsync(cancellationToken);
        return sent.Where(e => e > now).Min();
    }
}
