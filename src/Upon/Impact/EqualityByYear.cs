using Upon.Core.Disclosure;
using Upon.Core.Equality;
using Upon.Core.Impact;
using Upon.Core.Register;
using Upon.Participants;

namespace Upon.Impact;

/// <summary>One share on the equality page: of those who answered, with whether it is published.</summary>
public sealed record EqualityShare(Disclosed<double?> Share, int? Count);

/// <summary>
/// One stage of the pipeline on the equality page: a workforce, the population, the programme's participants or DCSs,
/// with its make-up by ethnic major group (and Black separately, as a major group) and, for the programme's people,
/// sex and disability. Shares are of those who answered; <see cref="EthnicityAnswered"/> is the share who answered.
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
    Disclosed<double?> DisabilityAnswered);

/// <summary>
/// The equality figures of a financial year: the programme's participants beside the workforce's senior managers,
/// managers and case holders, the population and DCSs, stage by stage. Aspirant stages (applicants, selected,
/// completed) are added by the aspirants feature through <see cref="Stages"/>'s extension point,
/// <see cref="IEqualityStageSource"/>.
/// </summary>
public sealed class EqualityByYear(ReturnParticipants participants, WorkforceBenchmarks benchmarks, IEnumerable<IEqualityStageSource> extraStages)
{
    /// <summary>The major groups in DfE's order, as the columns.</summary>
    public static IReadOnlyList<string> Groups => Ethnicity.MajorGroups;

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
        stages.Add(Programme("new-directors", "New Directors participants", "Upon: everyone with a New Directors enrolment running in the year",
            participantsOf(ReturnPeriod.OfYear(year)), rule));
        foreach (var source in extraStages)
        {
            stages.AddRange(await source.StagesAsync(year, rule, cancellationToken));
        }
        if (WorkforceBenchmarks.Dcs(asOf) is { } dcs)
        {
            var groups = Groups.ToDictionary(g => g, g => Disclosed.Shown<double?>(g == ReturnEqualitySection.Black ? dcs.BlackShare : g == Ethnicity.White ? dcs.WhiteShare : null));
            var none = Disclosed.Shown<double?>(null);
            stages.Add(new EqualityStage("dcs", "Directors of children's services", $"ADCS, {dcs.Survey} (Black and White published)", false, groups, none, none, none, none, none));
        }
        return stages;
    }

    /// <summary>A stage of the programme's people from their answers, disclosed under <paramref name="rule"/>.</summary>
    public static EqualityStage Programme(string key, string name, string source, IReadOnlyList<ParticipantAnswers> people, DisclosureRule rule)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(rule);
        var known = people.Where(p => p.EthnicityKnown).Select(p => Ethnicity.TryFind(p.EthnicityCode, out var g) ? g.Major : "").ToList();
        Disclosed<double?> Share(int count, int of) =>
            rule.Rate(of == 0 ? 0 : (double)count / of, rule.PartOf(of, count), of).Select(v => of == 0 ? null : (double?)v);
        var sex = people.Where(p => p.SexKnown).ToList();
        var disability = people.Where(p => p.DisabilityKnown).ToList();
        return new EqualityStage(key, name, source, true,
            Groups.ToDictionary(g => g, g => Share(known.Count(m => m == g), known.Count)),
            Share(known.Count, people.Count),
            Share(sex.Count(p => p.Sex == Sex.Female), sex.Count),
            Share(sex.Count, people.Count),
            Share(disability.Count(p => p.Disability == Disability.Yes), disability.Count),
            Share(disability.Count, people.Count));
    }
}

/// <summary>
/// A feature's stages of the pipeline on the equality page (aspirant applicants, selected, completed; BALI graduates
/// among them): registered with <c>services.AddScoped&lt;IEqualityStageSource, ...&gt;()</c>.
/// </summary>
public interface IEqualityStageSource
{
    Task<IReadOnlyList<EqualityStage>> StagesAsync(FinancialYear year, DisclosureRule rule, CancellationToken cancellationToken);
}
