using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Coaching;
using Upon.Core.Coaching;
using Upon.Data;
using Upon.Sessions;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Coaching;

/// <summary>
/// The coaching figures through the real host and the real command line, on a pool worked out by hand: staff get the
/// exact figures, the funder the same shape with small numbers suppressed (threshold 5), on the API and the page.
/// </summary>
public abstract class CoachingFiguresTests(UponApp app)
{
    /// <summary>
    /// 6 coaches, one retired: 5 in the pool. New Directors: 7 relationships (6 active, 1 ended early) of 6 hours each; 6
    /// sessions of an hour in September 2026 and 2 of 90 minutes in October, and one more in October that the coachee
    /// queried (not counted): 8 sessions, 9 hours, 540 of 2,520 minutes used (0.2143). Aspirants: 1 active relationship
    /// with one hour in October (1 of 6 hours: 0.1667). One published round of 7 requests, 6 matched: 3 "must" wishes, 2
    /// met; 8 "would like" wishes, 6 met. An open round is not counted.
    /// </summary>
    private async Task SeedAsync()
    {
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var newDirectors = await db.Strands.SingleAsync(x => x.Slug == StrandSetup.NewDirectorsSlug);
            var aspirants = await db.Strands.SingleAsync(x => x.Slug == StrandSetup.AspirantDirectorsSlug);
            var given = new LocalDate(2026, 1, 1);
            var coaches = Enumerable.Range(1, 6).Select(i => new CoachProfile
            {
                Email = $"fig-coach-{i}@coach.test", GivenName = "Coach", FamilyName = $"Number{i}", Capacity = 4, OffersOnline = true,
                Status = i == 6 ? CoachStatus.Retired : CoachStatus.Active,
                Consents = [.. (i switch
                {
                    1 => new[] { Characteristics.Woman, Characteristics.GlobalMajority },
                    2 or 3 => [Characteristics.Woman],
                    4 => [Characteristics.GlobalMajority],
                    _ => [],
                }).Select(c => new CoachConsent { Characteristic = c, GivenOn = given })],
            }).ToList();
            db.CoachProfiles.AddRange(coaches);
            var people = Enumerable.Range(1, 8).Select(i => new Participant
            {
                GivenName = "Coachee", FamilyName = $"Number{i}", Email = $"fig-coachee-{i}@example.org",
                Enrolments = [new Enrolment { Strand = i <= 7 ? newDirectors : aspirants, StartsOn = new LocalDate(2025, 4, 1) }],
            }).ToList();
            db.Participants.AddRange(people);
            await db.SaveChangesAsync();

            var round = new MatchingRound { Name = "Figures round", Status = RoundStatus.Published, PublishedAt = Instant.FromUtc(2026, 8, 1, 9, 0) };
            for (var i = 0; i < 7; i++)
            {
                // Requests 0-2 ask for "woman" as a must, 3-5 as would like, and 0-4 would like "global-majority": 3 must and
                // 8 would like. Matched (coachFor below): must met by coaches 1 and 2 (request 2's coach 4 is not a woman);
                // would like met: woman for 3, 4, 5 and global-majority for 0 and 4 (coach 1) and 2 (coach 4).
                var request = new CoachingRequest
                {
                    ParticipantId = people[i].Id,
                    Must = i <= 2 ? Characteristics.Woman : "",
                    WouldLike = string.Join(";", new[] { i is >= 3 and <= 5 ? Characteristics.Woman : null, i <= 4 ? Characteristics.GlobalMajority : null }.OfType<string>()),
                    Mode = RequestedMode.Online,
                };
                round.Requests.Add(request);
            }
            db.MatchingRounds.Add(round);
            db.MatchingRounds.Add(new MatchingRound { Name = "Open round", Status = RoundStatus.Open });
            await db.SaveChangesAsync();
            int[] coachFor = [0, 1, 3, 2, 0, 1];
            for (var i = 0; i < 7; i++)
            {
                db.RoundProposals.Add(new RoundProposal { RoundId = round.Id, RequestId = round.Requests[i].Id, CoachId = i < 6 ? coaches[coachFor[i]].Id : null });
            }

            var relationships = Enumerable.Range(0, 8).Select(i => new CoachingRelationship
            {
                CoachId = coaches[i % 5].Id, ParticipantId = people[i].Id, StartsOn = new LocalDate(2026, 8, 1), EndsOn = new LocalDate(2027, 7, 31),
                EntitledSessions = 6, EntitledMinutes = 360, Status = i == 6 ? RelationshipStatus.EndedEarly : RelationshipStatus.Active,
            }).ToList();
            db.CoachingRelationships.AddRange(relationships);
            await db.SaveChangesAsync();
            for (var i = 0; i < 6; i++)
            {
                db.CoachingSessionLogs.Add(new CoachingSessionLog { RelationshipId = relationships[i].Id, Date = new LocalDate(2026, 9, 10 + i), Minutes = 60, Confirmation = SessionConfirmation.Confirmed });
            }
            db.CoachingSessionLogs.Add(new CoachingSessionLog { RelationshipId = relationships[0].Id, Date = new LocalDate(2026, 10, 5), Minutes = 90 });
            db.CoachingSessionLogs.Add(new CoachingSessionLog { RelationshipId = relationships[6].Id, Date = new LocalDate(2026, 10, 6), Minutes = 90, Confirmation = SessionConfirmation.Confirmed });
            db.CoachingSessionLogs.Add(new CoachingSessionLog { RelationshipId = relationships[1].Id, Date = new LocalDate(2026, 10, 7), Minutes = 60, Confirmation = SessionConfirmation.Queried, QueryReason = "Did not happen" });
            db.CoachingSessionLogs.Add(new CoachingSessionLog { RelationshipId = relationships[7].Id, Date = new LocalDate(2026, 10, 8), Minutes = 60 });
            await db.SaveChangesAsync();
            return true;
        });
    }

    private static readonly string[] RoundCounts = ["requests", "matched", "mustWishes", "mustWishesMet", "wouldLikeWishes", "wouldLikeWishesMet"];

    private static readonly string[] RoundRates = ["matchRate", "mustWishesMetRate", "wouldLikeWishesMetRate"];

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static JsonElement Strand(JsonElement figures, string slug) =>
        figures.GetProperty("strands").EnumerateArray().Single(s => s.GetProperty("strand").GetString() == slug);

    private static string[] Suppressed(JsonElement element) => [.. element.GetProperty("suppressed").EnumerateArray().Select(e => e.GetString()!)];

    private static string Cell(IDocument doc, string selector) =>
        (doc.QuerySelector(selector) is { } cell ? (cell.QuerySelector("[aria-hidden=true]")?.TextContent ?? cell.TextContent) : throw new Xunit.Sdk.XunitException($"No {selector}")).Trim();

    [SkippableFact]
    public async Task Figures_StaffGetTheExactFigures_TheFunderSuppressed_OnTheApiThePageAndTheCommandLine()
    {
        app.RequireDatabase();
        await SeedAsync();

        var staff = await JsonAsync(await app.CreateApiClient(Roles.PartnerStaff).GetAsync(new Uri("/api/reports/coaching", UriKind.Relative)));
        Assert.Equal(["coachesInPool", "coachees", "strands", "rounds", "suppressed"], staff.EnumerateObject().Select(p => p.Name));
        Assert.Equal(5, staff.GetProperty("coachesInPool").GetInt32());
        Assert.Equal(7, staff.GetProperty("coachees").GetInt32());
        Assert.Empty(Suppressed(staff));
        var nd = Strand(staff, "new-directors");
        Assert.Equal(6, nd.GetProperty("coachees").GetInt32());
        Assert.Equal(7, nd.GetProperty("relationships").GetInt32());
        Assert.Equal(8, nd.GetProperty("sessions").GetInt32());
        Assert.Equal(9, nd.GetProperty("hours").GetDouble());
        Assert.Equal(0.2143, nd.GetProperty("entitlementUsed").GetDouble());
        Assert.Equal(
            ["2026-09 6 6", "2026-10 2 3"],
            nd.GetProperty("months").EnumerateArray().Select(m => $"{m.GetProperty("month").GetString()} {m.GetProperty("sessions").GetInt32()} {m.GetProperty("hours").GetDouble()}"));
        var aspirants = Strand(staff, "aspirant-directors");
        Assert.Equal(1, aspirants.GetProperty("sessions").GetInt32());
        Assert.Equal(0.1667, aspirants.GetProperty("entitlementUsed").GetDouble());
        var round = Assert.Single(staff.GetProperty("rounds").EnumerateArray());
        Assert.Equal("Figures round", round.GetProperty("round").GetString());
        Assert.Equal([7, 6, 3, 2, 8, 6], RoundCounts.Select(f => round.GetProperty(f).GetInt32()));
        Assert.Equal([0.8571, 0.6667, 0.75], RoundRates.Select(f => round.GetProperty(f).GetDouble()));

        var funder = await JsonAsync(await app.CreateApiClient(Roles.Funder).GetAsync(new Uri("/api/reports/coaching", UriKind.Relative)));
        Assert.Equal(5, funder.GetProperty("coachesInPool").GetInt32());
        Assert.Equal(7, funder.GetProperty("coachees").GetInt32());
        var fnd = Strand(funder, "new-directors");
        // 6 + 1 coachees: the aspirants' 1 is small, and the 6 would give it back from the total of 7.
        Assert.Equal(["coachees"], Suppressed(fnd));
        Assert.Equal(JsonValueKind.Null, fnd.GetProperty("coachees").ValueKind);
        Assert.Equal(8, fnd.GetProperty("sessions").GetInt32());
        Assert.Equal(0.2143, fnd.GetProperty("entitlementUsed").GetDouble());
        // The months 6 + 2: the 2 is small, and the 6 would give it back from the strand's 8.
        Assert.All(fnd.GetProperty("months").EnumerateArray(), m => Assert.Equal(["sessions", "hours"], Suppressed(m)));
        Assert.Equal(["coachees", "relationships", "sessions", "hours", "entitlementUsed"], Suppressed(Strand(funder, "aspirant-directors")));
        var fround = Assert.Single(funder.GetProperty("rounds").EnumerateArray());
        Assert.Equal(7, fround.GetProperty("requests").GetInt32());
        Assert.Equal(8, fround.GetProperty("wouldLikeWishes").GetInt32());
        Assert.Equal(
            ["matched", "matchRate", "mustWishes", "mustWishesMet", "mustWishesMetRate", "wouldLikeWishesMet", "wouldLikeWishesMetRate"],
            Suppressed(fround));

        var staffPage = await app.CreateClient(Roles.Administrator).GetDocumentAsync("/coaching/figures");
        var funderPage = await app.CreateClient(Roles.Funder).GetDocumentAsync("/coaching/figures");
        Assert.Equal("6", Cell(staffPage, "#strands [data-strand=new-directors] [data-figure=coachees]"));
        Assert.Equal("[c]", Cell(funderPage, "#strands [data-strand=new-directors] [data-figure=coachees]"));
        Assert.Equal("21.4%", Cell(funderPage, "#strands [data-strand=new-directors] [data-figure=entitlementUsed]"));
        Assert.Equal("85.7%", Cell(staffPage, "#rounds [data-round='Figures round'] [data-figure=matchRate]"));
        Assert.Equal("[c]", Cell(funderPage, "#rounds [data-round='Figures round'] [data-figure=matchRate]"));
        Assert.NotNull(funderPage.QuerySelector("#suppression-note"));
        Assert.NotNull((await app.CreateClient(Roles.Funder).GetDocumentAsync("/")).QuerySelector("a[href='/coaching/figures']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClient(Roles.Coach).GetAsync(new Uri("/api/reports/coaching", UriKind.Relative))).StatusCode);

        var json = await UponCli.RunAsync(app.Database, "report", "coaching", "--format", "json");
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Equal(JsonSerializer.Serialize(staff), JsonSerializer.Serialize(JsonDocument.Parse(json.Output).RootElement));
        var csv = await UponCli.RunAsync(app.Database, "report", "coaching", "--format", "csv");
        Assert.True(csv.ExitCode == 0, csv.ToString());
        var lines = csv.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("figure,strand,month,round,value", lines[0]);
        Assert.Contains("coachesInPool,,,,5", lines);
        Assert.Contains("sessions,new-directors,2026-10,,2", lines);
        Assert.Contains("hours,new-directors,2026-10,,3", lines);
        Assert.Contains("entitlementUsed,new-directors,,,0.2143", lines);
        Assert.Contains("matchRate,,,Figures round,0.8571", lines);
        var table = await UponCli.RunAsync(app.Database, "report", "coaching");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("Coaches in the pool: 5", table.Output, StringComparison.Ordinal);
        Assert.Matches(@"Figures round\D+7\D+6\D+85\.7%", table.Output);

        // Counting the wishes met read the round's requests: recorded as a view of the round.
        await app.WithDbAsync(async db =>
        {
            var id = (await db.MatchingRounds.SingleAsync(r => r.Name == "Figures round")).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(MatchingRound) && e.EntityId == id && e.Detail!.Contains("coaching figures")));
        });
    }
}

public sealed class CoachingFiguresTests_Sqlite(SqliteApp app) : CoachingFiguresTests(app), IClassFixture<SqliteApp>;

public sealed class CoachingFiguresTests_Postgres(PostgresApp app) : CoachingFiguresTests(app), IClassFixture<PostgresApp>;
