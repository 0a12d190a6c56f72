using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Coaching;
using Upon.Data;
using Upon.Sessions;
using Upon.Tests.Infrastructure;
using Xunit;

namespace Upon.Tests.DataProtection;

/// <summary>
/// A matching proposal's reasons name the coach's consented characteristics and the participant's wishes: the
/// participant's download holds their own wishes but not the coach's characteristics, the coach's holds their own
/// consents but not the participant's wishes, and neither holds the reasons.
/// </summary>
public abstract class MatchReasonsDownloadTests(UponApp app)
{
    [SkippableFact]
    public async Task NeitherDownload_HoldsTheOtherPersonsCharacteristics()
    {
        app.RequireDatabase();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var wish = $"wish-{tag}";
        var consent = $"consent-{tag}";
        var coachEmail = $"coach.{tag}@coach.test";
        var participantEmail = $"coachee.{tag}@example.org";
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var now = app.Clock.GetCurrentInstant();
            var round = new MatchingRound { Name = $"Reasons {tag}", CreatedAt = now, Status = RoundStatus.Published, PublishedAt = now };
            var coach = new CoachProfile { Email = coachEmail, GivenName = "Their", FamilyName = $"Coach{tag}", Capacity = 2, OffersOnline = true, CreatedAt = now };
            coach.Consents.Add(new CoachConsent { Characteristic = consent, GivenOn = new LocalDate(2026, 1, 1) });
            var participant = new Participant { GivenName = "Their", FamilyName = $"Coachee{tag}", Email = participantEmail, CreatedAt = now };
            db.AddRange(round, coach, participant);
            await db.SaveChangesAsync();
            var request = new CoachingRequest { RoundId = round.Id, ParticipantId = participant.Id, Must = wish, CreatedAt = now };
            db.CoachingRequests.Add(request);
            await db.SaveChangesAsync();
            db.RoundProposals.Add(new RoundProposal { RoundId = round.Id, RequestId = request.Id, CoachId = coach.Id, Score = 10, Reasons = $"Shares what they must have: {wish}; also {consent}" });
            await db.SaveChangesAsync();
            return true;
        });

        var participantZip = await app.DownloadAsync(participantEmail);
        Assert.Contains(wish, participantZip.Read("csv/coaching_requests.csv"), StringComparison.Ordinal);
        Assert.Contains(CoachingPersonalData.ReasonsWithheld, participantZip.Read("csv/round_proposals.csv"), StringComparison.Ordinal);
        Assert.DoesNotContain(participantZip.Entries, e => participantZip.Read(e.FullName).Contains(consent, StringComparison.Ordinal));

        var coachZip = await app.DownloadAsync(coachEmail);
        Assert.Contains(consent, coachZip.Read("csv/coach_consents.csv"), StringComparison.Ordinal);
        Assert.Contains(CoachingPersonalData.ReasonsWithheld, coachZip.Read("csv/round_proposals.csv"), StringComparison.Ordinal);
        Assert.DoesNotContain(coachZip.Entries, e => coachZip.Read(e.FullName).Contains(wish, StringComparison.Ordinal));
    }
}

public sealed class MatchReasonsDownloadTests_Sqlite(SqliteApp app) : MatchReasonsDownloadTests(app), IClassFixture<SqliteApp>;

public sealed class MatchReasonsDownloadTests_Postgres(PostgresApp app) : MatchReasonsDownloadTests(app), IClassFixture<PostgresApp>;
