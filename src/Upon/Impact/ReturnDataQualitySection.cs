using Microsoft.EntityFrameworkCore;
using Upon.Core.Impact;
using Upon.Data;
using Upon.NewDirectors;
using Upon.Shared.Reports;

namespace Upon.Impact;

/// <summary>The return's data quality figures: how many equality answers are known, and invitations that cannot be sent for want of an email.</summary>
public sealed class ReturnDataQualitySection(UponDbContext db, ReturnParticipants participants, InvitationReport invitations) : IDfeReturnSection
{
    public const string EthnicityKnownShare = "ethnicityKnownShare";
    public const string SexKnownShare = "sexKnownShare";
    public const string DisabilityKnownShare = "disabilityKnownShare";
    public const string InvitationsWithoutEmail = "invitationsWithoutEmail";

    public string Key => "data-quality";

    public string Title => "Data quality";

    public int Order => 90;

    public IReadOnlyList<ReturnFigureDefinition> Figures { get; } =
    [
        new(EthnicityKnownShare, "Ethnicity known", ReturnUnit.Share,
            "Of the New Directors participants of the period (everyone with a New Directors enrolment running on at least one day of it), those who gave their ethnic group (not \"prefer not to say\", and not without equality information)."),
        new(SexKnownShare, "Sex known", ReturnUnit.Share,
            "Of the same participants, those who answered female or male."),
        new(DisabilityKnownShare, "Disability known", ReturnUnit.Share,
            "Of the same participants, those who answered yes or no to disability."),
        new(InvitationsWithoutEmail, "Invitations without an email", ReturnUnit.Count,
            "First-time directors whose first post starts in the period and whose New Directors invitation waits unsent because the register has no email for them.")
        { AddsUpOverQuarters = true },
    ];

    public async Task<IReadOnlyDictionary<ReturnPeriod, IReadOnlyDictionary<string, ReturnMeasure>>> MeasureAsync(
        IReadOnlyCollection<ReturnPeriod> periods, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var participantsOf = await participants.LoadAsync(cancellationToken);
        var since = invitations.InvitingSince;
        var withoutEmail = await db.DirectorInvitations.AsNoTracking()
            .Where(i => i.Status == InvitationStatus.Pending && i.Email == null && i.StartDate >= since)
            .Select(i => new { i.PersonKey, i.StartDate })
            .Distinct()
            .ToListAsync(cancellationToken);

        // The return's first-time directors: those whose invitation waits for an email are some of them.
        var firstTimeStarts = await invitations.FirstPostStartsAsync(cancellationToken);
        var measures = new ReturnMeasures();
        foreach (var period in periods)
        {
            var people = participantsOf(period);
            measures.Add(period, EthnicityKnownShare, ReturnMeasure.Share(people.Count(p => p.EthnicityKnown), people.Count));
            measures.Add(period, SexKnownShare, ReturnMeasure.Share(people.Count(p => p.SexKnown), people.Count));
            measures.Add(period, DisabilityKnownShare, ReturnMeasure.Share(people.Count(p => p.DisabilityKnown), people.Count));
            measures.Add(period, InvitationsWithoutEmail, ReturnMeasure.CountOf(withoutEmail.Count(i => period.Contains(i.StartDate)), firstTimeStarts.Count(period.Contains)));
        }
        return measures.ToDictionary();
    }
}
