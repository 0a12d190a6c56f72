using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Data;
using Upon.Email;

namespace Upon.Aspirants;

/// <summary>One eligible application in the selection order.</summary>
public sealed record RankedApplication(AspirantApplication Application, Core.Aspirants.ApplicationScore Score);

/// <summary>
/// Selection: the ranked list of eligible scored applications, filling the places and the waiting list in rank order
/// (pending until released), the documented s.158 tie-break, releasing every decision by email through the outbox, and
/// offers: a decline or an expired offer passes the place to the first on the waiting list.
/// </summary>
public sealed class Selection(UponDbContext db, CohortApplications applications, CohortScoring scoring, IClock clock, IConfiguration configuration)
{
    /// <summary>The applicant's offer page, where they accept or decline (signed in to their application).</summary>
    public static string OfferPath(string cohortName) => $"/aspirants/apply/{cohortName}/offer";

    /// <summary>
    /// The eligible applications with a score in selection order: by rank; within a tie, those given a tie-break first,
    /// then by application id. Rank and tie are among these applications only (<see cref="Core.Aspirants.Ranking"/>
    /// over their scores), not among every scored application as in the cohort's score sheet and report: an ineligible
    /// application neither takes a place in the ranking nor makes a tie. A withdrawn application (an imported
    /// <c>withdrawn</c>) is not ranked either: it comes last, by application id, with no rank.
    /// </summary>
    public async Task<IReadOnlyList<RankedApplication>> RankedAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        var eligible = (await applications.ListAsync(cohortId, cancellationToken)).Where(a => a.Eligible).ToList();
        var sheet = await scoring.ScoreAsync(cohortId, cancellationToken);
        var scored = eligible.Where(e => sheet.For(e.Application.Id)?.Score is not null).Select(e => (e.Application, Score: sheet.For(e.Application.Id)!)).ToList();
        var candidates = scored.Where(s => s.Application.Outcome != SelectionOutcome.Withdrawn).ToList();
        var ranks = Core.Aspirants.Ranking.Rank(candidates.Select(s => (Key(s.Application.Id), s.Score.Score!.Value))).ToDictionary(r => r.Key, StringComparer.Ordinal);
        return [.. candidates
            .Select(s => new RankedApplication(s.Application, s.Score with { Rank = ranks[Key(s.Application.Id)].Rank, Tied = ranks[Key(s.Application.Id)].Tied }))
            .OrderBy(r => r.Score.Rank)
            .ThenBy(r => r.Application.TieBreakReason is null)
            .ThenBy(r => r.Application.ApplicationId, StringComparer.Ordinal),
            .. scored.Where(s => s.Application.Outcome == SelectionOutcome.Withdrawn)
            .Select(s => new RankedApplication(s.Application, s.Score with { Rank = null, Tied = false }))
            .OrderBy(r => r.Application.ApplicationId, StringComparer.Ordinal)];
    }

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Selects the first <c>places</c> in order, puts the next <paramref name="waiting"/> on the waiting list and the rest
    /// not selected; pending until released. A withdrawn application is left out and keeps its outcome.
    /// </summary>
    public async Task FillAsync(int cohortId, int waiting, CancellationToken cancellationToken = default)
    {
        var cohort = await db.AspirantCohorts.SingleAsync(c => c.Id == cohortId, cancellationToken);
        if (cohort.DecisionsReleasedAt is not null) throw new InvalidOperationException("The decisions have been released.");
        var ranked = await RankedAsync(cohortId, cancellationToken);
        var tracked = await db.AspirantApplications
            .Where(a => a.CohortId == cohortId && a.Status == ApplicationStatus.Submitted && (a.Outcome == null || a.Outcome != SelectionOutcome.Withdrawn))
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        foreach (var application in tracked.Values)
        {
            application.Outcome = SelectionOutcome.NotSelected;
            application.WaitingPosition = null;
        }
        var order = ranked.Where(r => r.Score.Rank is not null && tracked.ContainsKey(r.Application.Id)).ToList();
        for (var i = 0; i < order.Count; i++)
        {
            var application = tracked[order[i].Application.Id];
            if (i < cohort.Places) application.Outcome = SelectionOutcome.Selected;
            else if (i < cohort.Places + waiting)
            {
                application.Outcome = SelectionOutcome.Waiting;
                application.WaitingPosition = i - cohort.Places + 1;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records a positive-action tie-break for an application tied with others (audited).</summary>
    public async Task<string?> TieBreakAsync(int cohortId, int applicationKey, string reason, CancellationToken cancellationToken = default)
    {
        var ranked = await RankedAsync(cohortId, cancellationToken);
        var entry = ranked.FirstOrDefault(r => r.Application.Id == applicationKey);
        if (entry is null || !entry.Score.Tied) return "A tie-break applies only between applications with equal scores";
        var application = await db.AspirantApplications.SingleAsync(a => a.Id == applicationKey, cancellationToken);
        application.TieBreakReason = reason;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Releases every decision together: offers (with their deadline) to the selected, and an email to every applicant.</summary>
    public async Task ReleaseAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        var cohort = await db.AspirantCohorts.SingleAsync(c => c.Id == cohortId, cancellationToken);
        if (cohort.DecisionsReleasedAt is not null) return;
        var now = clock.GetCurrentInstant();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var all = await db.AspirantApplications.Where(a => a.CohortId == cohortId && a.Status == ApplicationStatus.Submitted).ToListAsync(cancellationToken);
        foreach (var application in all)
        {
            application.Outcome ??= SelectionOutcome.NotSelected;
            if (application.Outcome == SelectionOutcome.Selected) Offer(application, cohort, now);
            Enqueue(application, cohort);
        }
        cohort.DecisionsReleasedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Records that an applicant declined their offer, and offers the place to the first on the waiting list.</summary>
    public async Task DeclineAsync(int applicationKey, CancellationToken cancellationToken = default)
    {
        var cohortId = await db.AspirantApplications.Where(a => a.Id == applicationKey).Select(a => a.CohortId).SingleAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The cohort's row is the lock of its waiting list: two answers or runs never offer one place twice.
        await db.LockRowAsync<AspirantCohort>(cohortId, cancellationToken);
        var changed = await db.AspirantApplications.Where(a => a.Id == applicationKey && a.Offer == OfferStatus.Offered)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Offer, OfferStatus.Declined).SetProperty(a => a.OfferRespondedAt, clock.GetCurrentInstant()), cancellationToken);
        if (changed == 0) return;
        var cohort = await db.AspirantCohorts.SingleAsync(c => c.Id == cohortId, cancellationToken);
        await OfferNextAsync(cohort, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Expires the cohort's offers past their deadline, each passing its place to the next on the waiting list. Returns how many expired.</summary>
    public async Task<int> ExpireOverdueAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        var offered = await db.AspirantApplications.AsNoTracking().Where(a => a.CohortId == cohortId && a.Offer == OfferStatus.Offered)
            .Select(a => new { a.Id, a.OfferDeadline }).ToListAsync(cancellationToken);
        var expired = 0;
        foreach (var application in offered.Where(a => a.OfferDeadline is { } d && d <= now).OrderBy(a => a.OfferDeadline).ThenBy(a => a.Id))
        {
            if (await ExpireAsync(cohortId, application.Id, now, cancellationToken)) expired++;
        }
        return expired;
    }

    /// <summary>
    /// Expires every cohort's overdue offers (the scheduled run). Idempotent and safe with several instances: each offer
    /// expires by a conditional update (only while still offered) under its cohort's row lock, so it expires, is emailed
    /// and passes its place on exactly once.
    /// </summary>
    public async Task<int> ExpireAllOverdueAsync(CancellationToken cancellationToken = default)
    {
        var cohorts = await db.AspirantApplications.AsNoTracking().Where(a => a.Offer == OfferStatus.Offered).Select(a => a.CohortId).Distinct().ToListAsync(cancellationToken);
        var expired = 0;
        foreach (var cohortId in cohorts.Order())
        {
            expired += await ExpireOverdueAsync(cohortId, cancellationToken);
        }
        return expired;
    }

    private async Task<bool> ExpireAsync(int cohortId, int applicationKey, Instant now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockRowAsync<AspirantCohort>(cohortId, cancellationToken);
        var application = await db.AspirantApplications.AsNoTracking().SingleAsync(a => a.Id == applicationKey, cancellationToken);
        if (application.Offer != OfferStatus.Offered || application.OfferDeadline is not { } deadline || deadline > now) return false;
        var changed = await db.AspirantApplications.Where(a => a.Id == applicationKey && a.Offer == OfferStatus.Offered)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Offer, OfferStatus.Expired), cancellationToken);
        if (changed == 0) return false;
        var cohort = await db.AspirantCohorts.SingleAsync(c => c.Id == cohortId, cancellationToken);
        EmailOutbox.Enqueue(db, application.Email, $"Aspirant Directors {cohort.Name}: your offer has expired",
            $"Dear {application.GivenName},\n\nWe did not hear from you by {FormatDeadline(deadline)}, so your offer of a place on the Aspirant Directors programme {cohort.Name} has expired and the place has been offered to the next person on the waiting list.\n");
        await OfferNextAsync(cohort, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task OfferNextAsync(AspirantCohort cohort, CancellationToken cancellationToken)
    {
        var next = await db.AspirantApplications.Where(a => a.CohortId == cohort.Id && a.Outcome == SelectionOutcome.Waiting && a.WaitingPosition != null)
            .OrderBy(a => a.WaitingPosition).FirstOrDefaultAsync(cancellationToken);
        if (next is null) return;
        next.Outcome = SelectionOutcome.Selected;
        next.WaitingPosition = null;
        Offer(next, cohort, clock.GetCurrentInstant());
        EmailOutbox.Enqueue(db, next.Email, $"A place on Aspirant Directors {cohort.Name}",
            $"Dear {next.GivenName},\n\nA place has become free on the Aspirant Directors programme {cohort.Name}, and we are pleased to offer it to you.\n\n{HowToAnswer(cohort, next.OfferDeadline!.Value)}\n");
        foreach (var waiting in await db.AspirantApplications.Where(a => a.CohortId == cohort.Id && a.Outcome == SelectionOutcome.Waiting && a.WaitingPosition != null).ToListAsync(cancellationToken))
        {
            if (waiting.Id != next.Id) waiting.WaitingPosition--;
        }
    }

    private static void Offer(AspirantApplication application, AspirantCohort cohort, Instant now)
    {
        application.Offer = OfferStatus.Offered;
        application.OfferedAt = now;
        application.OfferDeadline = now.Plus(Duration.FromDays(cohort.OfferDeadlineDays));
    }

    private void Enqueue(AspirantApplication application, AspirantCohort cohort)
    {
        var (subject, body) = application.Outcome switch
        {
            SelectionOutcome.Selected => ($"Your place on Aspirant Directors {cohort.Name}",
                $"We are pleased to offer you a place on the Aspirant Directors programme {cohort.Name}.\n\n{HowToAnswer(cohort, application.OfferDeadline!.Value)}"),
            SelectionOutcome.Waiting => ($"Aspirant Directors {cohort.Name}: waiting list",
                $"Thank you for applying to the Aspirant Directors programme {cohort.Name}. We cannot offer you a place now, but you are number {application.WaitingPosition} on the waiting list: if a place becomes free we will offer it to you."),
            SelectionOutcome.Withdrawn => ($"Aspirant Directors {cohort.Name}", $"Your application to the Aspirant Directors programme {cohort.Name} has been withdrawn."),
            _ => ($"Aspirant Directors {cohort.Name}: your application",
                $"Thank you for applying to the Aspirant Directors programme {cohort.Name}. We are sorry that we cannot offer you a place this year."),
        };
        EmailOutbox.Enqueue(db, application.Email, subject, $"Dear {application.GivenName},\n\n{body}\n");
    }

    private string HowToAnswer(AspirantCohort cohort, Instant deadline) =>
        $"Please accept or decline by {FormatDeadline(deadline)} (UK time) here:\n{Upon.Shared.AppLinks.BaseUrl(configuration)}{OfferPath(cohort.Name)}\n\n" +
        "If the page asks, enter the email address you applied with and we will send you a link that signs you in to your application.";

    private static string FormatDeadline(Instant deadline) =>
        deadline.InZone(Time.London).ToString("d MMMM yyyy 'at' h:mmtt", System.Globalization.CultureInfo.GetCultureInfo("en-GB")).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal);
}
