using Upon.Core.Disclosure;
using Upon.Core.Equality;
using Upon.Core.Impact;
using Upon.Core.Register;
using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Participants;
using Upon.Shared.Reports;

namespace Upon.Impact;

/// <summary>
/// One stage of the pipeline on the equality page: a workforce, the population, the programme's participants or DCSs,
/// with its make-up by ethnic major group (and Black separately, as a major group) and, for the programme's people,
/// sex, disability and, where shown, BALI graduates. Shares are of those who answered; <see cref="EthnicityAnswered"/>
/// is the share who answered.
/// </summary>
public sealed record EqualityStage(
    string Key,
    string Name,
    string Source,
    bool IsProgramme,
    IReadOnlyDictionary<string, Disclosed<double?>> ByGroup,
    Disclosed<double?> EthnicityAnswered,
    Disclosed<double?> Female,
    Disclosed<double?> SexAnswered,
    Disclosed<double?> Disabled,
    Disclosed<double?> DisabilityAnswered)
{
    /// <summary>The share of the stage's people who are BALI graduates (declared or imported); null where not shown.</summary>
    public Disclosed<double?> Bali { get; init; } = Disclosed.Shown<double?>(null);

    /// <summary>Whether the stage shows <see cref="Bali"/>.</summary>
    public bool ShowsBali { get; init; }

    /// <summary>The share charted for <paramref name="characteristic"/>: an ethnic major group, <c>Female</c>, <c>Disabled</c> or <c>BALI graduates</c>.</summary>
    public Disclosed<double?> ShareOf(string characteristic) => characteristic switch
    {
        EqualityByYear.FemaleCharacteristic => Female,
        EqualityByYear.DisabledCharacteristic => Disabled,
        EqualityByYear.BaliCharacteristic => Bali,
        _ => ByGroup[characteristic],
    };
}

/// <summary>
/// The equality figures of a financial year: the programme's participants and coaches beside the workforce's senior
/// managers, managers and case holders, the population and DCSs, stage by stage. Aspirant stages (applicants, selected,
/// completed, appointed DCS, in post two years later) come from the aspirants feature through
/// <see cref="IEqualityStageSource"/>; this class works out and suppresses their shares.
/// </summary>
public sealed class EqualityByYear(ReturnParticipants participants, WorkforceBenchmarks benchmarks, UponDbContext db, IEnumerable<IEqualityStageSource> extraStages)
{
    public const string FemaleCharacteristic = "Female";
    public const string DisabledCharacteristic = "Disabled";
    public const string BaliCharacteristic = "BALI graduates";

    /// <summary>The major groups in DfE's order, as the columns.</summary>
    public static IReadOnlyList<string> Groups => Ethnicity.MajorGroups;

    /// <summary>Every characteristic with a pipeline chart: each ethnic major group, female, disabled and BALI graduates.</summary>
    public static IReadOnlyList<string> Characteristics { get; } = [.. Ethnicity.MajorGroups, FemaleCharacteristic, DisabledCharacteristic, BaliCharacteristic];

    public async Task<IReadOnlyList<EqualityStage>> StagesAsync(FinancialYear year, DisclosureRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        await benchmarks.LoadAsync(cancellationToken);
        var participantsOf = await participants.LoadAsync(cancellationToken);
        var asOf = year.LastDay;
        var stages = new List<EqualityStage>();
        void Reference(string key, string name, EthnicComposition? composition)
        {
            if (composition is null)
            {
                return;
            }
            var none = Disclosed.Shown<double?>(null);
            stages.Add(new EqualityStage(key, name, composition.Source, false,
                Groups.ToDictionary(g => g, g => Disclosed.Shown(composition.Share(g))), Disclosed.Shown(composition.KnownShare), none, none, none, none));
        }
        Reference("case-holders", "Case-holding social workers", benchmarks.Workforce(asOf, WorkforceRole.CaseHolder));
        Reference("managers", "Managers (first line and middle)", benchmarks.Workforce(asOf, WorkforceRole.FirstLineManager, WorkforceRole.MiddleManager));
        Reference("senior-managers", "Senior managers", benchmarks.Workforce(asOf, WorkforceRole.SeniorManager));
        Reference("population", "Population of England", benchmarks.Population());
        var graduates = (await db.BaliGraduates.AsNoTracking().Select(g => g.Email).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var source in extraStages.OrderBy(s => s.Order))
        {
            foreach (var stage in await source.StagesAsync(year, cancellationToken))
            {
                stages.Add(Programme(stage.Key, stage.Name, stage.Source, stage.People, rule, stage.ShowsBali ? graduates : null));
            }
        }
        stages.Add(Programme("new-directors", "New Directors participants", "Upon: everyone with a New Directors enrolment running in the year",
            [.. participantsOf(ReturnPeriod.OfYear(year)).Select(p => p.Person)], rule));
        stages.Add(Programme("coaches", "Coaches", "Upon: coaches with a coaching relationship running in the year, with the answers they gave at /my/equality",
            await CoachesAsync(year, cancellationToken), rule));
        if (WorkforceBenchmarks.Dcs(asOf) is { } dcs)
        {
            var groups = Groups.ToDictionary(g => g, g => Disclosed.Shown<double?>(g == ReturnEqualitySection.Black ? dcs.BlackShare : g == Ethnicity.White ? dcs.WhiteShare : null));
            var none = Disclosed.Shown<double?>(null);
            stages.Add(new EqualityStage("dcs", "Directors of children's services", $"ADCS, {dcs.Survey} (Black and White published)", false, groups, none, none, none, none, none));
        }
        return stages;
    }

    /// <summary>
    /// The coaches with a coaching relationship running on at least one day of the year, each once, with the answers of
    /// the participant record that is theirs (the same person in the register, or the same email ignoring case).
    /// </summary>
    private async Task<IReadOnlyList<EqualityPerson>> CoachesAsync(FinancialYear year, CancellationToken cancellationToken)
    {
        var first = year.FirstDay;
        var last = year.LastDay;
        var coaches = await db.CoachingRelationships.AsNoTracking()
            .Where(r => r.StartsOn <= last && r.EndsOn >= first)
            .Select(r => new { r.Coach!.Id, r.Coach.Email, r.Coach.PersonKey })
            .Distinct()
            .ToListAsync(cancellationToken);
        var answers = await db.EqualityInformation.AsNoTracking()
            .Select(i => new { i.Participant!.Email, i.Participant.PersonKey, i.EthnicityCode, i.Sex, i.Disability })
            .ToListAsync(cancellationToken);
        var byPerson = answers.Where(a => a.PersonKey is not null).GroupBy(a => a.PersonKey!.Value).ToDictionary(g => g.Key, g => g.First());
        var byEmail = answers.GroupBy(a => a.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        return [.. coaches.DistinctBy(c => c.Id).Select(c =>
        {
            var found = c.PersonKey is { } key && byPerson.TryGetValue(key, out var a) ? a : byEmail.GetValueOrDefault(c.Email);
            return found is null
                ? new EqualityPerson(null, null, null, c.Email)
                : ParticipantAnswers.ToPerson(found.EthnicityCode, found.Sex, found.Disability, c.Email);
        })];
    }

    /// <summary>
    /// A stage of the programme's people from their answers, disclosed under <paramref name="rule"/>. With
    /// <paramref name="baliGraduates"/> (the imported graduates' emails), the stage shows the share who are BALI
    /// graduates: declared on an application, or imported.
    /// </summary>
    public static EqualityStage Programme(string key, string name, string source, IReadOnlyList<EqualityPerson> people, DisclosureRule rule, IReadOnlySet<string>? baliGraduates = null)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(rule);
        var known = EthnicGroupCounts.Of(people.Where(p => p.EthnicityCode is not null).Select(p => Ethnicity.TryFind(p.EthnicityCode, out var g) ? g.Major : ""));
        Disclosed<double?> ShareOf(int count, int of, Disclosed<int> disclosed) =>
            rule.Rate(of == 0 ? 0 : (double)count / of, disclosed, of).Select(v => of == 0 ? null : (double?)v);
        Disclosed<double?> Share(int count, int of) => ShareOf(count, of, rule.PartOf(of, count));
        var sex = people.Where(p => p.Female is not null).ToList();
        var disability = people.Where(p => p.Disabled is not null).ToList();
        return new EqualityStage(key, name, source, true,
            // The groups add up to those who answered: disclosed together, so that no hidden group can be worked out from the rest.
            Groups.ToDictionary(g => g, g => ShareOf(known.Count(g), known.Answered, known.Disclose(rule, g))),
            Share(known.Answered, people.Count),
            Share(sex.Count(p => p.Female == true), sex.Count),
            Share(sex.Count, people.Count),
            Share(disability.Count(p => p.Disabled == true), disability.Count),
            Share(disability.Count, people.Count))
        {
            ShowsBali = baliGraduates is not null,
            Bali = baliGraduates is null
                ? Disclosed.Shown<double?>(null)
                : Share(people.Count(p => p.BaliDeclared || (p.Email is { } email && baliGraduates.Contains(email))), people.Count),
        };
    }
}
