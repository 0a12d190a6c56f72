using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Coaching;
using Upon.Data;
using Upon.Sessions;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Impact;

/// <summary>
/// The funder sees coaching sessions twice: by strand and month in the coaching figures (<c>/api/reports/coaching</c>),
/// and by financial quarter and year, over every strand, in the DfE return (<c>coachingSessionsDelivered</c>, with
/// <c>coachingHoursDelivered</c>). Both count the same sessions (logged, not queried, by the session's date), so a quarter
/// less the months the coaching figures show would give away a month they hide. Through the real host on each database,
/// from every figure both reports show the funder, no suppressed month of a strand can be worked out.
/// </summary>
public abstract class CoachingReturnSuppressionTests(UponApp app)
{
    private static readonly string[] Periods = ["2025-26-Q1", "2025-26-Q2", "2025-26-Q3", "2025-26-Q4", "2025-26"];

    /// <summary>
    /// 2025-26. New Directors: 6 sessions of an hour in July, 7 in August, 8 in October. Aspirant Directors: 2 sessions
    /// of 45 minutes in September and 6 of an hour in January. One more New Directors session in September that the
    /// coachee queried is counted nowhere. The coaching figures suppress the aspirants' 2 in September and, since the
    /// strand's 8 would give it back, their 6 in January. Before the fix the return showed Q2 as 15 (6 + 7 + 2) and Q4 as
    /// 6, so 15 - 6 - 7 gave away the aspirants' September and Q4 their January.
    /// </summary>
    private async Task SeedAsync()
    {
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var newDirectors = await db.Strands.SingleAsync(x => x.Slug == StrandSetup.NewDirectorsSlug);
            var aspirants = await db.Strands.SingleAsync(x => x.Slug == StrandSetup.AspirantDirectorsSlug);
            var coach = new CoachProfile { Email = "leak-coach@coach.test", GivenName = "Coach", FamilyName = "Leak", Capacity = 10, OffersOnline = true };
            db.CoachProfiles.Add(coach);
            var people = Enumerable.Range(1, 6).Select(i => new Participant
            {
                GivenName = "Coachee", FamilyName = $"Leak{i}", Email = $"leak-coachee-{i}@example.org",
                Enrolments = [new Enrolment { Strand = i <= 3 ? newDirectors : aspirants, StartsOn = new LocalDate(2025, 4, 1) }],
            }).ToList();
            db.Participants.AddRange(people);
            await db.SaveChangesAsync();
            var relationships = people.Select(p => new CoachingRelationship
            {
                CoachId = coach.Id, ParticipantId = p.Id, StartsOn = new LocalDate(2025, 6, 1), EndsOn = new LocalDate(2026, 5, 31),
                EntitledSessions = 12, EntitledMinutes = 720, Status = RelationshipStatus.Active,
            }).ToList();
            db.CoachingRelationships.AddRange(relationships);
            await db.SaveChangesAsync();
            void Log(int relationship, int month, int count, int minutes, SessionConfirmation confirmation = SessionConfirmation.Confirmed)
            {
                for (var i = 0; i < count; i++)
                {
                    var date = new LocalDate(month >= 4 ? 2025 : 2026, month, 2 + i);
                    db.CoachingSessionLogs.Add(new CoachingSessionLog
                    {
                        RelationshipId = relationships[relationship + (i % 3)].Id, Date = date, Minutes = minutes, Confirmation = confirmation,
                        QueryReason = confirmation == SessionConfirmation.Queried ? "Did not happen" : null,
                    });
                }
            }
            Log(0, 7, 6, 60);
            Log(0, 8, 7, 60);
            Log(0, 10, 8, 60, SessionConfirmation.Pending);
            Log(0, 9, 1, 60, SessionConfirmation.Queried);
            Log(3, 9, 2, 45);
            Log(3, 1, 6, 60);
            await db.SaveChangesAsync();
            return true;
        });
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static JsonElement Figure(JsonElement document, string key) =>
        document.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("figures").EnumerateArray()).Single(f => f.GetProperty("key").GetString() == key);

    private static double? Number(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetDouble();

    /// <summary>What a role sees of the sessions (or hours) in both reports, for the 2025-26 return.</summary>
    private async Task<SessionKnowledge> KnowledgeAsync(string role, string figure, string returnKey)
    {
        var client = app.CreateApiClient(role);
        var coaching = await JsonAsync(client, "/api/reports/coaching");
        var knowledge = new SessionKnowledge();
        foreach (var strand in coaching.GetProperty("strands").EnumerateArray())
        {
            var slug = strand.GetProperty("strand").GetString()!;
            var months = strand.GetProperty("months").EnumerateArray()
                .Select(m => (Month: LocalDate.FromDateTime(DateTime.ParseExact(m.GetProperty("month").GetString()!, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)), Value: Number(m.GetProperty(figure))))
                .ToList();
            knowledge.Cells.AddRange(months.Select(m => (slug, m.Month, m.Value)));
            knowledge.StrandTotals.Add((slug, Number(strand.GetProperty(figure))));
        }
        foreach (var label in Periods)
        {
            var document = await JsonAsync(client, $"/api/reports/dfe-return?period={label}");
            var period = Upon.Core.Impact.ReturnPeriod.Parse(label);
            knowledge.PeriodTotals.Add((period.FirstDay, period.LastDay, Number(Figure(document, returnKey).GetProperty("thisPeriod"))));
        }
        return knowledge;
    }

    [SkippableFact]
    public async Task TheReturnsQuarters_AndTheCoachingFiguresMonths_GiveAwayNoSuppressedMonth()
    {
        app.RequireDatabase();
        await SeedAsync();

        // Staff: the same sessions in both reports.
        var staffSessions = await KnowledgeAsync(Roles.PartnerStaff, "sessions", "coachingSessionsDelivered");
        Assert.Equal([0, 15, 8, 6, 29], staffSessions.PeriodTotals.Select(p => p.Value));
        Assert.Equal([("aspirant-directors", 8.0), ("new-directors", 21.0)], staffSessions.StrandTotals.Select(s => (s.Strand, s.Value!.Value)));
        Assert.All(staffSessions.PeriodTotals, p => Assert.Equal(
            staffSessions.Cells.Where(c => c.Month >= p.From && c.Month <= p.To).Sum(c => c.Value!.Value), p.Value!.Value));
        var staffHours = await KnowledgeAsync(Roles.PartnerStaff, "hours", "coachingHoursDelivered");
        Assert.Equal([0, 14.5, 8, 6, 28.5], staffHours.PeriodTotals.Select(p => p.Value));

        // The funder: the aspirants' months are suppressed in the coaching figures, and so are the quarters that would give
        // them back (Q2 and Q4); Q1, Q3 and the year (which the strands' totals give anyway) are shown.
        var sessions = await KnowledgeAsync(Roles.Funder, "sessions", "coachingSessionsDelivered");
        Assert.Equal(2, sessions.Cells.Count(c => c.Value is null));
        Assert.All(sessions.Cells.Where(c => c.Value is null), c => Assert.Equal("aspirant-directors", c.Strand));
        Assert.Equal([0, null, 8, null, 29], sessions.PeriodTotals.Select(p => p.Value));
        var hours = await KnowledgeAsync(Roles.Funder, "hours", "coachingHoursDelivered");
        Assert.Equal([0, null, 8, null, 28.5], hours.PeriodTotals.Select(p => p.Value));

        // And from everything the funder sees, no suppressed month of a strand can be worked out, in sessions or hours.
        Assert.Empty(sessions.Derivable());
        Assert.Empty(hours.Derivable());

        // The check itself finds the leak the return used to make: Q2 and Q4 shown as staff see them.
        var leaky = new SessionKnowledge();
        leaky.Cells.AddRange(sessions.Cells);
        leaky.StrandTotals.AddRange(sessions.StrandTotals);
        leaky.PeriodTotals.AddRange(staffSessions.PeriodTotals);
        Assert.Equal(2, leaky.Derivable().Count);
    }
}

/// <summary>
/// What the funder knows of the sessions (or hours) by strand and month: each month of each strand shown or suppressed
/// (null), each strand's total, and the total over every strand of a range of days (a quarter or year of the return).
/// </summary>
public sealed class SessionKnowledge
{
    public List<(string Strand, LocalDate Month, double? Value)> Cells { get; } = [];

    public List<(string Strand, double? Value)> StrandTotals { get; } = [];

    public List<(LocalDate From, LocalDate To, double? Value)> PeriodTotals { get; } = [];

    /// <summary>
    /// The suppressed cells whose value the shown totals determine: those whose indicator lies in the span of the
    /// equations "the suppressed cells a shown total covers add up to the total less the shown cells it covers".
    /// </summary>
    public IReadOnlyList<(string Strand, LocalDate Month)> Derivable()
    {
        var hidden = Cells.Where(c => c.Value is null).Select(c => (c.Strand, c.Month)).ToList();
        var equations = new List<double[]>();
        foreach (var (strand, total) in StrandTotals)
        {
            if (total is not null)
            {
                equations.Add([.. hidden.Select(h => h.Strand == strand ? 1.0 : 0.0)]);
            }
        }
        foreach (var (from, to, total) in PeriodTotals)
        {
            if (total is not null)
            {
                equations.Add([.. hidden.Select(h => h.Month >= from && h.Month <= to ? 1.0 : 0.0)]);
            }
        }
        return [.. hidden.Where((_, i) => InSpan(equations, i, hidden.Count))];
    }

    private static bool InSpan(List<double[]> equations, int cell, int width)
    {
        var rank = LinearAlgebra.Rank(equations, width);
        var unit = new double[width];
        unit[cell] = 1;
        return LinearAlgebra.Rank([.. equations, unit], width) == rank;
    }
}

public sealed class CoachingReturnSuppressionTests_Sqlite(SqliteApp app) : CoachingReturnSuppressionTests(app), IClassFixture<SqliteApp>;

public sealed class CoachingReturnSuppressionTests_Postgres(PostgresApp app) : CoachingReturnSuppressionTests(app), IClassFixture<PostgresApp>;
