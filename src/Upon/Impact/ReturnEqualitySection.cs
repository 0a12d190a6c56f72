using Microsoft.EntityFrameworkCore;
using Upon.Core.Equality;
using Upon.Core.Impact;
using Upon.Data;
using Upon.Participants;
using Upon.Shared.Reports;

namespace Upon.Impact;

/// <summary>
/// The return's equality figures: the New Directors participants' shares, of those who answered, beside the workforce's
/// (see <see cref="WorkforceBenchmarks"/>).
/// </summary>
public sealed class ReturnEqualitySection(ReturnParticipants participants, WorkforceBenchmarks benchmarks, UponDbContext db, Upon.NewDirectors.InvitationReport invitations) : IDfeReturnSection
{
    public const string BlackShare = "participantsBlackShare";
    public const string WhiteShare = "participantsWhiteShare";
    public const string FemaleShare = "participantsFemaleShare";
    public const string DisabledShare = "participantsDisabledShare";
    public const string SeniorManagersBlackShare = "workforceSeniorManagersBlackShare";
    public const string SeniorManagersWhiteShare = "workforceSeniorManagersWhiteShare";
    public const string SocialWorkersBlackShare = "workforceBlackShare";
    public const string SocialWorkersWhiteShare = "workforceWhiteShare";
    public const string DcsBlackShare = "dcsBlackShare";
    public const string DcsWhiteShare = "dcsWhiteShare";
    public const string BaliGraduatesAppointed = "baliGraduatesAppointed";

    /// <summary>DfE's Black major group.</summary>
    public const string Black = "Black / African / Caribbean / Black British";

    public string Key => "equality";

    public string Title => "Equality";

    public int Order => 50;

    public IReadOnlyList<ReturnFigureDefinition> Figures { get; } =
    [
        new(BlackShare, "New Directors participants: Black", ReturnUnit.Share,
            "Of the New Directors participants of the period (everyone with a New Directors enrolment running on at least one day of it) who gave their ethnic group, those in DfE's Black / African / Caribbean / Black British major group. The share who answered is under data quality."),
        new(WhiteShare, "New Directors participants: White", ReturnUnit.Share,
            "Of the same participants who gave their ethnic group, those in the White major group (White British, Irish, Gypsy or Irish Traveller, Roma and any other White background)."),
        new(FemaleShare, "New Directors participants: female", ReturnUnit.Share,
            "Of the same participants who answered female or male, those who answered female."),
        new(DisabledShare, "New Directors participants: disabled", ReturnUnit.Share,
            "Of the same participants who answered yes or no to disability, those who answered yes."),
        new(SeniorManagersBlackShare, "Workforce senior managers: Black", ReturnUnit.Share,
            "DfE children's social work workforce, England, senior managers in post (headcount) of known ethnicity: the Black share, at 30 September of the latest collection year up to the period's end. Published data (Open Government Licence).")
        { IsReference = true },
        new(SeniorManagersWhiteShare, "Workforce senior managers: White", ReturnUnit.Share,
            "The same, White.")
        { IsReference = true },
        new(SocialWorkersBlackShare, "Children's social workers: Black", ReturnUnit.Share,
            "DfE children's social work workforce, England, all social workers in post (headcount) of known ethnicity: the Black share, latest collection year up to the period's end.")
        { IsReference = true },
        new(SocialWorkersWhiteShare, "Children's social workers: White", ReturnUnit.Share,
            "The same, White.")
        { IsReference = true },
        new(DcsBlackShare, "Directors of children's services: Black", ReturnUnit.Share,
            "ADCS's published ethnicity of DCSs in England: the Black share, from its latest survey up to the period's end (autumn 2023: 2%; autumn 2024: 5%).")
        { IsReference = true },
        new(DcsWhiteShare, "Directors of children's services: White", ReturnUnit.Share,
            "The same, White (autumn 2023: 90%; autumn 2024: 88%).")
        { IsReference = true },
        new(BaliGraduatesAppointed, "BALI graduates appointed DCS", ReturnUnit.Count,
            "People whose first DCS post (earliest appointment anywhere in the register) starts in the period and whose email in the register is that of a recorded graduate of the Black and Asian Leadership Initiative (upon import bali, or self-declared on an application).")
        { AddsUpOverQuarters = true },
    ];

    public async Task<IReadOnlyDictionary<ReturnPeriod, IReadOnlyDictionary<string, ReturnMeasure>>> MeasureAsync(
        IReadOnlyCollection<ReturnPeriod> periods, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var participantsOf = await participants.LoadAsync(cancellationToken);
        await benchmarks.LoadAsync(cancellationToken);
        var graduates = (await db.BaliGraduates.AsNoTracking().Select(g => g.Email).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var firstPosts = (await db.Appointments.AsNoTracking().Where(a => a.Person!.Email != null)
                .Select(a => new { a.PersonKey, a.StartDate, a.Person!.Email }).ToListAsync(cancellationToken))
            .GroupBy(a => a.PersonKey)
            .Select(g => (Start: g.Min(a => a.StartDate), g.First().Email))
            .Where(p => graduates.Contains(p.Email!))
            .Select(p => p.Start)
            .ToList();
        // The return's first-time directors: the graduates appointed are some of them.
        var firstTimeStarts = await invitations.FirstPostStartsAsync(cancellationToken);
        var measures = new ReturnMeasures();
        foreach (var period in periods)
        {
            var people = participantsOf(period);
            // The equality page shows every major group of the year's participants: these two shares are disclosed as parts of it.
            var ethnic = EthnicGroupCounts.Of(people.Where(p => p.EthnicityKnown).Select(p => Ethnicity.TryFind(p.EthnicityCode, out var g) ? g.Major : ""));
            measures.Add(period, BlackShare, ReturnMeasure.ShareOfParts(ethnic.Parts, EthnicGroupCounts.Index(Black)));
            measures.Add(period, WhiteShare, ReturnMeasure.ShareOfParts(ethnic.Parts, EthnicGroupCounts.Index(Ethnicity.White)));
            var sex = people.Where(p => p.SexKnown).ToList();
            measures.Add(period, FemaleShare, ReturnMeasure.Share(sex.Count(p => p.Sex == Sex.Female), sex.Count));
            var disability = people.Where(p => p.DisabilityKnown).ToList();
            measures.Add(period, DisabledShare, ReturnMeasure.Share(disability.Count(p => p.Disability == Disability.Yes), disability.Count));

            var seniors = benchmarks.Workforce(period.LastDay, WorkforceRole.SeniorManager);
            var everyone = benchmarks.Workforce(period.LastDay, WorkforceRole.Total);
            var dcs = WorkforceBenchmarks.Dcs(period.LastDay);
            measures.Add(period, SeniorManagersBlackShare, Reference(seniors?.Share(Black)));
            measures.Add(period, SeniorManagersWhiteShare, Reference(seniors?.Share(Ethnicity.White)));
            measures.Add(period, SocialWorkersBlackShare, Reference(everyone?.Share(Black)));
            measures.Add(period, SocialWorkersWhiteShare, Reference(everyone?.Share(Ethnicity.White)));
            measures.Add(period, DcsBlackShare, Reference(dcs?.BlackShare));
            measures.Add(period, DcsWhiteShare, Reference(dcs?.WhiteShare));
            measures.Add(period, BaliGraduatesAppointed, ReturnMeasure.CountOf(firstPosts.Count(period.Contains), firstTimeStarts.Count(period.Contains)));
        }
        return measures.ToDictionary();
    }

    /// <summary>A published share, or a share of nobody (no value) when no publication covers the period.</summary>
    private static ReturnMeasure Reference(double? share) => share is { } s ? ReturnMeasure.ReferenceShare(s) : ReturnMeasure.Share(0, 0);
}
