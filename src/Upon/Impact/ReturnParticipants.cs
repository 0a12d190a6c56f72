using Microsoft.EntityFrameworkCore;
using Upon.Core.Impact;
using Upon.Data;
using Upon.Participants;
using Upon.Sessions;
using Upon.Shared.Reports;

namespace Upon.Impact;

/// <summary>A New Directors participant's equality answers, without their name: what the equality figures count.</summary>
/// <param name="EthnicityCode">Their ethnic group's code; null when they did not say (or gave no equality information).</param>
/// <param name="Sex">Their answer; null when they gave no equality information.</param>
/// <param name="Disability">Their answer; null when they gave no equality information.</param>
public sealed record ParticipantAnswers(int ParticipantId, string? EthnicityCode, Sex? Sex, Disability? Disability)
{
    public bool EthnicityKnown => EthnicityCode is not null;

    public bool SexKnown => Sex is Participants.Sex.Female or Participants.Sex.Male;

    public bool DisabilityKnown => Disability is Participants.Disability.Yes or Participants.Disability.No;

    /// <summary>The answers as the equality pipeline counts them.</summary>
    public EqualityPerson Person => ToPerson(EthnicityCode, Sex, Disability, null);

    /// <summary>Answers given at <c>/my/equality</c> as the equality pipeline counts them.</summary>
    public static EqualityPerson ToPerson(string? ethnicityCode, Sex? sex, Disability? disability, string? email) => new(
        ethnicityCode,
        sex switch { Participants.Sex.Female => true, Participants.Sex.Male => false, _ => null },
        disability switch { Participants.Disability.Yes => true, Participants.Disability.No => false, _ => null },
        email);
}

/// <summary>
/// The New Directors participants of a period: everyone with a New Directors enrolment running on at least one day of
/// it (from its start to its end, or still running), each person once, with their equality answers.
/// </summary>
public sealed class ReturnParticipants(UponDbContext db)
{
    public async Task<Func<ReturnPeriod, IReadOnlyList<ParticipantAnswers>>> LoadAsync(CancellationToken cancellationToken)
    {
        var enrolments = await db.Enrolments.AsNoTracking()
            .Where(e => e.Strand!.Slug == StrandSetup.NewDirectorsSlug)
            .Select(e => new { e.ParticipantId, e.StartsOn, e.EndsOn })
            .ToListAsync(cancellationToken);
        var answers = (await db.EqualityInformation.AsNoTracking()
                .Select(i => new { i.ParticipantId, i.EthnicityCode, i.Sex, i.Disability })
                .ToListAsync(cancellationToken))
            .ToDictionary(i => i.ParticipantId);
        return period => [.. enrolments
            .Where(e => period.Overlaps(e.StartsOn, e.EndsOn))
            .Select(e => e.ParticipantId)
            .Distinct()
            .Select(id => answers.TryGetValue(id, out var a)
                ? new ParticipantAnswers(id, a.EthnicityCode, a.Sex, a.Disability)
                : new ParticipantAnswers(id, null, null, null))];
    }
}
