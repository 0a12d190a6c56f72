using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using Upon.Core;
using Upon.Core.Disclosure;
using Upon.Core.Impact;
using Upon.Core.Register;
using Upon.Data;
using Upon.NewDirectors;
using Upon.Sessions;

namespace Upon.Impact;

/// <summary>
/// The retention evaluation of New Directors (definitions in the README, "Retention evaluation", and in
/// <see cref="RetentionPopulation"/>): does joining the programme within a tenure's first 90 days go with staying in
/// post longer? It reads the register's appointments, the accepted invitations, the New Directors enrolments and the
/// imported past enrolments, and gives the figures for any as-of day. Other features (the DfE contract return) take
/// their 12- and 24-month retention of participants from <see cref="FiguresAsync"/> or <see cref="EvaluateAsync"/>.
/// </summary>
public sealed class RetentionEvaluation(UponDbContext db, IClock clock, IOptions<NewDirectorsOptions> options, Upon.Shared.Figures.FigureReader figures)
{
    public LocalDate Today => clock.TodayInLondon();

    /// <summary>The first day a tenure in the population may start: <c>NewDirectors:InvitingSince</c>.</summary>
    public LocalDate InvitingSince => options.Value.InvitingSinceDate
        ?? throw new InvalidOperationException("NewDirectors:InvitingSince must be the first day of a financial year, 1 April, such as 2020-04-01.");

    /// <summary>
    /// Reads an as-of day from outside (<c>YYYY-MM-DD</c>, from 1 January 2000 to a year after today, as appointment
    /// dates are bounded); null when it is absent, meaning today. Returns the reason when it is not acceptable.
    /// </summary>
    public (LocalDate AsOf, string? Error) ParseAsOf(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (Today, null);
        }
        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success || text.Length != 10)
        {
            return (Today, $"'{text}' is not a date: use the form YYYY-MM-DD, such as 2025-03-31.");
        }
        return PlausibleDates.CheckAppointmentDate(parsed.Value, Today, "the as-of date") is { } error ? (Today, error) : (parsed.Value, null);
    }

    /// <summary>The evaluation as of <paramref name="asOf"/>: the population, each group's curve and the log-rank tests.</summary>
    public async Task<RetentionEvaluationResult> EvaluateAsync(LocalDate asOf, CancellationToken cancellationToken = default)
    {
        var (appointments, joined) = await InputsAsync(cancellationToken);
        var population = RetentionPopulation.Build(appointments, joined, InvitingSince, asOf);
        return RetentionEvaluationResult.Evaluate(population, asOf);
    }

    /// <summary>The exact figures as of <paramref name="asOf"/> (for staff, the command line and other features).</summary>
    public async Task<RetentionFigures> FiguresAsync(LocalDate asOf, CancellationToken cancellationToken = default) =>
        (await EvaluateAsync(asOf, cancellationToken)).Figures();

    /// <summary>
    /// The figures as <paramref name="rule"/> lets them be published. Under a rule that suppresses (the funder's), they are
    /// as of the last day of the latest financial quarter on or before <paramref name="asOf"/> (<see cref="FunderAsOf"/>),
    /// disclosed against every earlier quarter end and the first-time tenures started
    /// (<see cref="RetentionDisclosure.DiscloseOverQuarters"/>), so that no count can be worked out by asking for
    /// neighbouring days or subtracting from the turnover figures.
    /// </summary>
    public async Task<DisclosedRetentionFigures> DisclosedAsync(LocalDate asOf, DisclosureRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Threshold <= 1)
        {
            return RetentionDisclosure.Disclose(await EvaluateAsync(asOf, cancellationToken), rule);
        }
        var series = await SeriesAsync([FunderAsOf(asOf)], cancellationToken);
        return series[FunderAsOf(asOf)].Disclose(rule);
    }

    /// <summary>
    /// For each of <paramref name="asOfs"/>, the evaluations as of every quarter end from the first after
    /// <see cref="InvitingSince"/> up to it (and as of it), reading the database once and evaluating each day once: what the
    /// funder's figures as of that day are disclosed against (<see cref="RetentionSeries"/>).
    /// </summary>
    public async Task<IReadOnlyDictionary<LocalDate, RetentionSeries>> SeriesAsync(IEnumerable<LocalDate> asOfs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(asOfs);
        var (appointments, joined) = await InputsAsync(cancellationToken);
        var evaluated = new Dictionary<LocalDate, (RetentionEvaluationResult Result, int Started)>();
        (RetentionEvaluationResult, int) At(LocalDate day)
        {
            if (!evaluated.TryGetValue(day, out var pair))
            {
                evaluated[day] = pair = (
                    RetentionEvaluationResult.Evaluate(RetentionPopulation.Build(appointments, joined, InvitingSince, day), day),
                    RetentionPopulation.StartedBeforeLandmark(appointments, InvitingSince, day));
            }
            return pair;
        }
        var series = new Dictionary<LocalDate, RetentionSeries>();
        foreach (var asOf in asOfs.Distinct())
        {
            var days = QuarterEnds(asOf).Select(At).ToList();
            series[asOf] = new RetentionSeries([.. days.Select(d => d.Item1)], [.. days.Select(d => d.Item2)]);
        }
        return series;
    }

    /// <summary>The as-of day the funder gets for <paramref name="asOf"/>: the last day of the latest financial quarter (30 June, 30 September, 31 December, 31 March) on or before it.</summary>
    public static LocalDate FunderAsOf(LocalDate asOf)
    {
        var ends = new[] { asOf.Year - 1, asOf.Year }.SelectMany(y => new[] { new LocalDate(y, 3, 31), new LocalDate(y, 6, 30), new LocalDate(y, 9, 30), new LocalDate(y, 12, 31) });
        return ends.Where(d => d <= asOf).Max();
    }

    /// <summary>Every quarter end from the first on or after <see cref="InvitingSince"/> to <paramref name="last"/> (at least <paramref name="last"/>).</summary>
    private List<LocalDate> QuarterEnds(LocalDate last)
    {
        var ends = new List<LocalDate> { last };
        for (var day = FunderAsOf(last.PlusDays(-1)); day >= InvitingSince; day = FunderAsOf(day.PlusDays(-1)))
        {
            ends.Add(day);
        }
        ends.Reverse();
        return ends;
    }

    /// <summary>
    /// The 12- and 24-month retention of participants as of <paramref name="asOf"/>: the exact figures and the same as
    /// <paramref name="rule"/> lets them be published (the funder's version, as the retention page and the DfE return show it).
    /// </summary>
    public async Task<ParticipantRetention> ParticipantRetentionAsync(LocalDate asOf, DisclosureRule rule, CancellationToken cancellationToken = default)
    {
        var disclosed = await DisclosedAsync(asOf, rule, cancellationToken);
        var exact = disclosed.Figures.Groups.Single(g => g.Group == RetentionGroup.Participants);
        var shown = disclosed.Groups.Single(g => g.Group == RetentionGroup.Participants);
        return new ParticipantRetention(disclosed.Figures.AsOf, exact.N, exact.Survival12, exact.Survival24, shown.N, shown.Survival12, shown.Survival24);
    }

    private sealed record Inputs(List<AppointmentFact> Appointments, ILookup<string, LocalDate> JoinedOn);

    /// <summary>
    /// Every appointment and every day someone joined, read once per change of the data (the figure cache) and shared by
    /// the retention figures of every day and view, the chart and the DfE return's retention section.
    /// </summary>
    private async Task<(List<AppointmentFact> Appointments, ILookup<string, LocalDate> JoinedOn)> InputsAsync(CancellationToken cancellationToken)
    {
        var inputs = (await figures.GetAsync("retention|inputs", async (services, token) =>
        {
            var evaluation = services.GetRequiredService<RetentionEvaluation>();
            return new Inputs(await evaluation.AppointmentsAsync(token), await evaluation.JoinedOnAsync(token));
        }, cancellationToken)).Value;
        return (inputs.Appointments, inputs.JoinedOn);
    }

    private async Task<List<AppointmentFact>> AppointmentsAsync(CancellationToken cancellationToken)
    {
        var appointments = await db.Appointments.AsNoTracking()
            .Select(a => new { a.AuthorityCode, a.Person!.PersonId, a.Type, a.StartDate, a.EndDate, a.LeavingReason, a.Unplanned })
            .ToListAsync(cancellationToken);
        return [.. appointments.Select(a => new AppointmentFact(a.AuthorityCode, a.PersonId, a.Type, a.StartDate, a.EndDate, a.LeavingReason, a.Unplanned))];
    }

    /// <summary>
    /// Every day each person joined New Directors: accepting an invitation, a New Directors enrolment starting, or an
    /// imported enrolment. The population keeps the earliest.
    /// </summary>
    private async Task<ILookup<string, LocalDate>> JoinedOnAsync(CancellationToken cancellationToken)
    {
        var accepted = await db.DirectorInvitations.AsNoTracking()
            .Where(i => i.Status == InvitationStatus.Accepted && i.AnsweredOn != null)
            .Select(i => new { i.Person!.PersonId, On = i.AnsweredOn!.Value })
            .ToListAsync(cancellationToken);
        var enrolled = await db.Enrolments.AsNoTracking()
            .Where(e => e.Strand!.Slug == StrandSetup.NewDirectorsSlug && e.Participant!.PersonKey != null)
            .Select(e => new { e.Participant!.Person!.PersonId, On = e.StartsOn })
            .ToListAsync(cancellationToken);
        var imported = await db.ImportedEnrolments.AsNoTracking()
            .Select(e => new { e.Person!.PersonId, On = e.AcceptedOn })
            .ToListAsync(cancellationToken);
        return accepted.Concat(enrolled).Concat(imported).ToLookup(j => j.PersonId, j => j.On, StringComparer.Ordinal);
    }
}

/// <summary>The participants' retention as the DfE contract return reports it (definitions in the README, "Retention evaluation").</summary>
/// <param name="AsOf">The as-of day.</param>
/// <param name="Participants">Participants' tenures in the population.</param>
/// <param name="Survival12">The estimated share of participants' tenures lasting beyond 12 months; null beyond the longest observed.</param>
/// <param name="Survival24">The same at 24 months.</param>
/// <param name="DisclosedParticipants"><paramref name="Participants"/> as the rule lets it be published.</param>
/// <param name="DisclosedSurvival12"><paramref name="Survival12"/> as the rule lets it be published.</param>
/// <param name="DisclosedSurvival24"><paramref name="Survival24"/> as the rule lets it be published.</param>
public sealed record ParticipantRetention(
    LocalDate AsOf, int Participants, double? Survival12, double? Survival24,
    Disclosed<int> DisclosedParticipants, Disclosed<double?> DisclosedSurvival12, Disclosed<double?> DisclosedSurvival24);

/// <summary>
/// The JSON of <c>upon report retention --format json</c> and <c>GET /api/reports/retention</c>:
/// <c>{"asOf", "landmarkDays", "groups": [{"group", "n", "events", "medianMonths", "survival12", "survival24",
/// "survival36"}], "logRank": {"chiSquare", "pValue"}, "byType": [{"type", "groups", "logRank"}]}</c>, figures unrounded
/// and a figure that does not exist written as null, never left out. The funder's adds <c>"suppressed"</c>: the names
/// of the figures that are null because they are suppressed.
/// </summary>
public static class RetentionJson
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static JsonObject ToJson(RetentionFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new JsonObject
        {
            ["asOf"] = figures.AsOf.ToIsoString(),
            ["landmarkDays"] = figures.LandmarkDays,
            ["groups"] = Groups(figures.Groups.Select(g => (g.Group, (int?)g.N, (int?)g.Events, g.MedianMonths, g.Survival12, g.Survival24, g.Survival36))),
            ["logRank"] = LogRank(figures.LogRank.ChiSquare, figures.LogRank.PValue),
            ["byType"] = new JsonArray([.. figures.ByType.Select(t => (JsonNode)new JsonObject
            {
                ["type"] = RetentionNames.Of(t.Type),
                ["groups"] = Groups(t.Groups.Select(g => (g.Group, (int?)g.N, (int?)g.Events, g.MedianMonths, g.Survival12, g.Survival24, g.Survival36))),
                ["logRank"] = LogRank(t.LogRank.ChiSquare, t.LogRank.PValue),
            })]),
        };
    }

    public static JsonObject ToJson(DisclosedRetentionFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new JsonObject
        {
            ["asOf"] = figures.Figures.AsOf.ToIsoString(),
            ["landmarkDays"] = figures.Figures.LandmarkDays,
            ["groups"] = Groups(figures.Groups.Select(Values)),
            ["logRank"] = LogRank(Value(figures.LogRank.ChiSquare), Value(figures.LogRank.PValue)),
            ["byType"] = new JsonArray([.. figures.ByType.Select(t => (JsonNode)new JsonObject
            {
                ["type"] = RetentionNames.Of(t.Type),
                ["groups"] = Groups(t.Groups.Select(Values)),
                ["logRank"] = LogRank(Value(t.LogRank.ChiSquare), Value(t.LogRank.PValue)),
            })]),
            ["suppressed"] = new JsonArray([.. figures.Suppressed.Select(s => (JsonNode)JsonValue.Create(s))]),
        };
    }

    public static string Write(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return json.ToJsonString(Options);
    }

    private static (RetentionGroup, int?, int?, double?, double?, double?, double?) Values(DisclosedRetentionGroup g) =>
        (g.Group, Value(g.N), Value(g.Events), Value(g.MedianMonths), Value(g.Survival12), Value(g.Survival24), Value(g.Survival36));

    private static int? Value(Disclosed<int> figure) => figure.TryGetValue(out var value) ? value : null;

    private static double? Value(Disclosed<double?> figure) => figure.TryGetValue(out var value) ? value : null;

    private static JsonArray Groups(IEnumerable<(RetentionGroup Group, int? N, int? Events, double? Median, double? S12, double? S24, double? S36)> groups) =>
        new([.. groups.Select(g => (JsonNode)new JsonObject
        {
            ["group"] = RetentionNames.Of(g.Group),
            ["n"] = g.N,
            ["events"] = g.Events,
            ["medianMonths"] = g.Median,
            ["survival12"] = g.S12,
            ["survival24"] = g.S24,
            ["survival36"] = g.S36,
        })]);

    private static JsonObject LogRank(double? chiSquare, double? pValue) => new() { ["chiSquare"] = chiSquare, ["pValue"] = pValue };
}
