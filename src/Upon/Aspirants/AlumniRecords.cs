using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Shared;

namespace Upon.Aspirants;

/// <summary>One alumnus of a cohort as staff see them: who, where they applied from, and whether, when, where and how they became a DCS.</summary>
/// <param name="ParticipantId">Their participant record, when they became a participant through Upon; null for imported cohorts.</param>
/// <param name="Dcs">Their first DCS post in the register on or after the day they applied; null when none.</param>
/// <param name="DcsAuthority">The name of that post's authority.</param>
/// <param name="RegisterPerson">The register person's identifier and name, when they became a DCS.</param>
public sealed record AlumnusRecord(
    int ApplicationKey, string Reference, string Name, string? AppliedFrom, int? ParticipantId, BecameDcs? Dcs, string? DcsAuthority, string? RegisterPerson);

/// <summary>
/// The alumni record: each alumnus (an application whose applicant completed the programme year) and whether they
/// became a DCS, as <see cref="AlumniMatching"/> finds it (the same email, or the register person staff confirmed).
/// It carries no equality answers. It also adds that line to the alumnus's participant record.
/// </summary>
public sealed class AlumniRecords(UponDbContext db, AlumniMatching matching) : IParticipantRecordSource
{
    /// <summary>The cohort's alumni, by family and given name.</summary>
    public async Task<IReadOnlyList<AlumnusRecord>> ForCohortAsync(int cohortId, CancellationToken cancellationToken = default) =>
        await RecordsAsync(db.AspirantApplications.Where(a => a.CohortId == cohortId && a.Completed == true), cancellationToken);

    /// <summary>What one application's alumni record says; null when the applicant is not an alumnus.</summary>
    public async Task<AlumnusRecord?> ForApplicationAsync(int applicationKey, CancellationToken cancellationToken = default) =>
        (await RecordsAsync(db.AspirantApplications.Where(a => a.Id == applicationKey && a.Completed == true), cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<ParticipantRecordLine>> LinesForAsync(int participantId, CancellationToken cancellationToken)
    {
        var cohorts = await db.AspirantApplications.AsNoTracking().Where(a => a.ParticipantId == participantId && a.Completed == true)
            .Select(a => new { a.Id, a.CohortId, Cohort = a.Cohort!.Name }).ToListAsync(cancellationToken);
        if (cohorts.Count == 0) return [];
        var records = await RecordsAsync(db.AspirantApplications.Where(a => a.ParticipantId == participantId && a.Completed == true), cancellationToken);
        return [.. cohorts.OrderBy(c => c.Cohort, StringComparer.Ordinal).Select(c => new ParticipantRecordLine(
            $"Aspirant Directors {c.Cohort} alumnus", Describe(records.Single(r => r.ApplicationKey == c.Id)), $"/aspirants/{c.CohortId}/alumni"))];
    }

    /// <summary>"DCS of Bedfordshire from 6 January 2025 (the register has the same email address)", or "Not a DCS in the register".</summary>
    public static string Describe(AlumnusRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Dcs is { } dcs
            ? string.Create(CultureInfo.InvariantCulture, $"Became a DCS: {record.DcsAuthority} from {dcs.Started:d MMMM yyyy} ({LinkText(dcs.Link)})")
            : "Not a DCS in the register";
    }

    public static string LinkText(AlumniLink link) => link switch
    {
        AlumniLink.SameEmail => "the register has the same email address",
        _ => "staff confirmed the match on name and authority",
    };

    private async Task<IReadOnlyList<AlumnusRecord>> RecordsAsync(IQueryable<AspirantApplication> alumni, CancellationToken cancellationToken)
    {
        var rows = await alumni.AsNoTracking()
            .OrderBy(a => a.FamilyName).ThenBy(a => a.GivenName).ThenBy(a => a.ApplicationId)
            .Select(a => new { a.Id, a.ApplicationId, a.GivenName, a.FamilyName, a.Email, a.ConfirmedPersonKey, a.SubmittedAt, a.ParticipantId, Authority = (string?)a.Authority!.Name, a.OtherEmployer })
            .ToListAsync(cancellationToken);
        var dcs = await matching.BecameDcsAsync([.. rows.Select(r => new AlumniCandidate(r.Id, r.Email, r.ConfirmedPersonKey, r.SubmittedAt))], cancellationToken);
        var codes = dcs.Values.Select(d => d.AuthorityCode).Distinct().ToList();
        var authorities = await db.Authorities.AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        var personKeys = dcs.Values.Select(d => d.PersonKey).Distinct().ToList();
        var people = new Dictionary<int, string>();
        foreach (var chunk in personKeys.Chunk(500))
        {
            foreach (var p in await db.People.AsNoTracking().Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, p.PersonId, p.GivenName, p.FamilyName }).ToListAsync(cancellationToken))
            {
                people[p.Id] = $"{p.GivenName} {p.FamilyName} ({p.PersonId})";
            }
        }
        return [.. rows.Select(r =>
        {
            var became = dcs.GetValueOrDefault(r.Id);
            return new AlumnusRecord(r.Id, r.ApplicationId, $"{r.GivenName} {r.FamilyName}".Trim(), r.Authority ?? r.OtherEmployer, r.ParticipantId, became,
                became is null ? null : authorities.GetValueOrDefault(became.AuthorityCode, became.AuthorityCode),
                became is null ? null : people.GetValueOrDefault(became.PersonKey));
        })];
    }
}
