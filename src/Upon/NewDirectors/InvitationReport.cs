using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Audit;
using Upon.Core;
using Upon.Core.Disclosure;
using Upon.Core.NewDirectors;
using Upon.Core.Register;
using Upon.Data;
using Upon.Register;

namespace Upon.NewDirectors;

/// <summary>A first-time director as the staff list of the figures page shows them.</summary>
/// <param name="Fact">What the figures count.</param>
/// <param name="Name">Their name.</param>
/// <param name="Authorities">The authority of their first post (two, joined, for shared posts starting the same day).</param>
/// <param name="Type">The first post's type: permanent, interim or acting.</param>
/// <param name="Status">The state of the invitation that decides their answer; null when none was created.</param>
/// <param name="DeclinedInConversation">Whether staff recorded that they declined in conversation.</param>
/// <param name="ByHand">Whether that invitation was created by staff by hand.</param>
public sealed record FirstTimeDirector(
    FirstPostFact Fact, string Name, string Authorities, AppointmentType Type, InvitationStatus? Status, bool DeclinedInConversation, bool ByHand)
{
    /// <summary>The last day an invitation is within the programme's promise: the start date plus 14 days.</summary>
    public LocalDate DueBy => InvitationRules.DueDate(Fact.Start);
}

/// <summary>
/// The New Directors invitation figures as the command line, the API and the figures page give them, built from the
/// register's appointments and the invitations (definitions in <see cref="InvitationYearFigures"/>):
/// <list type="bullet">
/// <item>A person's <b>first post</b> is their earliest-starting DCS appointment anywhere in the register.</item>
/// <item>Their <b>invitations</b> are those for that post (the invitation's start date is the first post's), by the
/// register or by hand. Invited and days to invitation use the first day any of them was sent; the answer is that of
/// the latest one not withdrawn (or the latest, when all were).</item>
/// <item>The day the register was <b>told</b> is the day, in London, the audit log recorded the first post's creation,
/// or else the day its register invitation was created.</item>
/// <item>An invitation still marked sent whose link has expired counts as expired, before the next run marks it.</item>
/// </list>
/// </summary>
public sealed class InvitationReport(UponDbContext db, IClock clock, Microsoft.Extensions.Options.IOptions<NewDirectorsOptions> options)
{
    public LocalDate Today => clock.TodayInLondon();

    /// <summary>The day the programme began inviting (<c>NewDirectors:InvitingSince</c>): first posts before it are not counted.</summary>
    public LocalDate InvitingSince => options.Value.InvitingSinceDate
        ?? throw new InvalidOperationException("NewDirectors:InvitingSince must be the first day of a financial year, 1 April, such as 2020-04-01.");

    /// <summary>Every year's figures, oldest first (see <see cref="InvitationFigures.Years"/>).</summary>
    public async Task<IReadOnlyList<InvitationYearFigures>> AllYearsAsync(CancellationToken cancellationToken = default) =>
        Years(await FirstTimeDirectorsAsync(null, cancellationToken));

    /// <summary>Every year's figures from every first-time director (as <see cref="FirstTimeDirectorsAsync"/> gives them with no year).</summary>
    public IReadOnlyList<InvitationYearFigures> Years(IEnumerable<FirstTimeDirector> directors) =>
        InvitationFigures.Years(directors.Select(d => d.Fact), Today, InvitingSince);

    /// <summary>Every year's figures as <paramref name="rule"/> lets them be published.</summary>
    public async Task<IReadOnlyList<DisclosedInvitationYearFigures>> DisclosedYearsAsync(DisclosureRule rule, CancellationToken cancellationToken = default) =>
        InvitationDisclosure.Disclose(rule, await AllYearsAsync(cancellationToken));

    /// <summary>
    /// The start of every first-time director's first post, one a person, as <see cref="FirstTimeDirectorsAsync"/> finds them
    /// (earliest start, from <c>NewDirectors:InvitingSince</c>), without reading their invitations or the audit log: for
    /// the figures of the return that count some of them.
    /// </summary>
    public async Task<IReadOnlyList<LocalDate>> FirstPostStartsAsync(CancellationToken cancellationToken = default) =>
        [.. FirstPosts(await db.Appointments.AsNoTracking().Select(a => new { a.PersonKey, a.StartDate }).ToListAsync(cancellationToken), a => a.PersonKey, a => a.StartDate)
            .Select(posts => posts[0].StartDate)];

    /// <summary>
    /// The one rule for a first post: each person's appointments that start on their earliest start date, when that date is
    /// on or after <see cref="InvitingSince"/> (two posts starting the same day are one first post, a joint appointment).
    /// </summary>
    private IEnumerable<List<T>> FirstPosts<T, TKey>(IEnumerable<T> appointments, Func<T, TKey> person, Func<T, LocalDate> start) =>
        appointments
            .GroupBy(person)
            .Select(g =>
            {
                var first = g.Min(start);
                return g.Where(a => start(a) == first).ToList();
            })
            .Where(posts => start(posts[0]) >= InvitingSince);

    /// <summary>The first-time directors of <paramref name="year"/> (every year when null), by start date then name.</summary>
    public async Task<IReadOnlyList<FirstTimeDirector>> FirstTimeDirectorsAsync(FinancialYear? year, CancellationToken cancellationToken = default)
    {
        var appointments = await db.Appointments.AsNoTracking()
            .Select(a => new { a.Id, a.PersonKey, a.StartDate, a.Type, AuthorityName = a.Authority!.Name, a.Person!.PersonId, a.Person.GivenName, a.Person.FamilyName })
            .ToListAsync(cancellationToken);
        var firstPosts = FirstPosts(appointments, a => a.PersonKey, a => a.StartDate)
            .Where(posts => year is not { } only || only.Contains(posts[0].StartDate))
            .Select(posts => posts.OrderBy(a => a.Id).ToList())
            .ToList();
        if (firstPosts.Count == 0)
        {
            return [];
        }

        var personKeys = firstPosts.Select(p => p[0].PersonKey).ToHashSet();
        var invitations = (await db.DirectorInvitations.AsNoTracking()
                .Select(i => new { i.Id, i.PersonKey, i.StartDate, i.Status, i.SentOn, i.ExpiresAt, i.DeclinedInConversation, i.ByHand, i.RecordedOn })
                .ToListAsync(cancellationToken))
            .Where(i => personKeys.Contains(i.PersonKey))
            .ToLookup(i => i.PersonKey);
        var recorded = await RecordedOnAsync(cancellationToken);
        var now = clock.GetCurrentInstant();

        var directors = new List<FirstTimeDirector>(firstPosts.Count);
        foreach (var posts in firstPosts)
        {
            var first = posts[0];
            var theirs = invitations[first.PersonKey].Where(i => i.StartDate == first.StartDate).OrderBy(i => i.Id).ToList();
            var deciding = theirs.LastOrDefault(i => i.Status != InvitationStatus.Withdrawn) ?? theirs.LastOrDefault();
            var recordedOn = posts.Select(p => recorded.TryGetValue(p.Id, out var day) ? day : (LocalDate?)null).Min()
                ?? theirs.Where(i => !i.ByHand).Select(i => (LocalDate?)i.RecordedOn).Min();
            var sentOn = theirs.Select(i => i.SentOn).Min();
            var outcome = deciding?.Status switch
            {
                InvitationStatus.Sent when deciding.ExpiresAt <= now => InvitationOutcome.Expired,
                InvitationStatus.Sent => InvitationOutcome.Awaiting,
                InvitationStatus.Accepted => InvitationOutcome.Accepted,
                InvitationStatus.Declined => InvitationOutcome.Declined,
                InvitationStatus.Expired => InvitationOutcome.Expired,
                InvitationStatus.Withdrawn => InvitationOutcome.Withdrawn,
                _ => InvitationOutcome.NotSent,
            };
            directors.Add(new FirstTimeDirector(
                new FirstPostFact(first.PersonId, first.StartDate, recordedOn, sentOn, outcome),
                $"{first.GivenName} {first.FamilyName}",
                string.Join(" and ", posts.Select(p => p.AuthorityName)),
                first.Type,
                deciding?.Status,
                deciding?.DeclinedInConversation ?? false,
                deciding?.ByHand ?? false));
        }
        return [.. directors.OrderBy(d => d.Fact.Start).ThenBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.Fact.PersonId, StringComparer.Ordinal)];
    }

    /// <summary>The day, in London, the audit log recorded each appointment's creation, by appointment id.</summary>
    private async Task<Dictionary<int, LocalDate>> RecordedOnAsync(CancellationToken cancellationToken)
    {
        var created = await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == nameof(Appointment) && e.Action == AuditActions.Created)
            .Select(e => new { e.EntityId, e.At })
            .ToListAsync(cancellationToken);
        var days = new Dictionary<int, LocalDate>();
        foreach (var e in created)
        {
            if (int.TryParse(e.EntityId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                var day = e.At.InZone(Time.London).Date;
                days[id] = days.TryGetValue(id, out var earlier) && earlier < day ? earlier : day;
            }
        }
        return days;
    }

    /// <summary>The CSV header: the JSON field names.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "financialYear", "firstTimeDirectors", "invited", "invitedWithin14Days", "invitedWithin14DaysRate", "medianDaysToInvitation",
        "accepted", "declined", "awaitingAnswer", "recordedLate", "medianDaysRecordedLate", "toDate",
    ];

    /// <summary>One row per year, with <see cref="Fields"/> as the header; a figure that is not available is an empty cell.</summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<InvitationYearFigures> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        WriteCsv(writer, InvitationDisclosure.Disclose(DisclosureRule.None, years));
    }

    /// <summary>The same columns, with <see cref="Disclosed.Symbol"/> in the cell of each suppressed figure.</summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<DisclosedInvitationYearFigures> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        using var csv = Upon.Shared.Files.SafeCsv.CreateWriter(writer);
        foreach (var field in Fields)
        {
            csv.WriteField(field);
        }
        csv.NextRecord();
        foreach (var y in years)
        {
            // Disclosed<T>.ToString gives the symbol, or the value in the invariant culture (empty for null).
            csv.WriteField(y.FinancialYear);
            csv.WriteField(y.FirstTimeDirectors.ToString());
            csv.WriteField(y.Invited.ToString());
            csv.WriteField(y.InvitedWithin14Days.ToString());
            csv.WriteField(y.InvitedWithin14DaysRate.ToString());
            csv.WriteField(y.MedianDaysToInvitation.ToString());
            csv.WriteField(y.Accepted.ToString());
            csv.WriteField(y.Declined.ToString());
            csv.WriteField(y.AwaitingAnswer.ToString());
            csv.WriteField(y.RecordedLate.ToString());
            csv.WriteField(y.MedianDaysRecordedLate.ToString());
            csv.WriteField(TurnoverReport.ToDateCell(y.ToDate));
            csv.NextRecord();
        }
    }
}

/// <summary>
/// A year's invitation figures as the API gives them to the funder: the fields of <see cref="InvitationYearFigures"/>, with
/// each suppressed figure null and its field name in <see cref="Suppressed"/>. A null whose name is not in the list is a
/// figure that is not available, as in <see cref="InvitationYearFigures"/>.
/// </summary>
public sealed record SuppressedInvitationYearFigures(
    string FinancialYear,
    int? FirstTimeDirectors,
    int? Invited,
    int? InvitedWithin14Days,
    double? InvitedWithin14DaysRate,
    double? MedianDaysToInvitation,
    int? Accepted,
    int? Declined,
    int? AwaitingAnswer,
    int? RecordedLate,
    double? MedianDaysRecordedLate,
    // Last, after toDate: the funder's shape is the exact one with this list added at the end.
    [property: System.Text.Json.Serialization.JsonPropertyOrder(1)] IReadOnlyList<string> Suppressed)
{
    /// <summary>Whether the year is the current one, not yet over: its figures are to date (<see cref="InvitationYearFigures.ToDate"/>).</summary>
    public bool ToDate { get; init; }

    public static SuppressedInvitationYearFigures From(DisclosedInvitationYearFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new(
            figures.FinancialYear,
            Value(figures.FirstTimeDirectors),
            Value(figures.Invited),
            Value(figures.InvitedWithin14Days),
            Value(figures.InvitedWithin14DaysRate),
            Value(figures.MedianDaysToInvitation),
            Value(figures.Accepted),
            Value(figures.Declined),
            Value(figures.AwaitingAnswer),
            Value(figures.RecordedLate),
            Value(figures.MedianDaysRecordedLate),
            [.. figures.SuppressedFigures().Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName)]) { ToDate = figures.ToDate };
    }

    private static T? Value<T>(Disclosed<T> figure) where T : struct => figure.TryGetValue(out var value) ? value : null;

    private static T? Value<T>(Disclosed<T?> figure) where T : struct => figure.TryGetValue(out var value) ? value : null;
}
