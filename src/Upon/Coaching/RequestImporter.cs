using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core.Coaching;
using Upon.Data;
using Upon.Sessions;
using Upon.Register;

namespace Upon.Coaching;

public sealed record RequestImportResult(IReadOnlyList<ImportError> Errors, int Rows, int Added, int Replaced, int ParticipantsAdded, bool RoundCreated)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// <c>upon coaching import requests ROUND FILE.csv</c>: the round's requests, all or nothing, creating the round when
/// it does not exist and a participant for an email address Upon does not know. A participant's new request replaces
/// their earlier one in the same round.
/// </summary>
public sealed class RequestImporter(UponDbContext db, IClock clock, CoachingVocabulary vocabulary, Rematches rematches)
{
    public async Task<RequestImportResult> ImportAsync(string roundName, TextReader reader, CancellationToken cancellationToken = default)
    {
        roundName = roundName.Trim();
        if (roundName.Length is 0 or > MatchingRound.MaxNameLength)
        {
            return new RequestImportResult([new ImportError(0, "ROUND", roundName, $"The round needs a name of 1 to {MatchingRound.MaxNameLength} characters.")], 0, 0, 0, 0, false);
        }

        var round = await db.MatchingRounds.Include(r => r.Requests).SingleOrDefaultAsync(r => r.Name == roundName, cancellationToken);
        if (round?.Status == RoundStatus.Published)
        {
            return new RequestImportResult([new ImportError(0, "ROUND", roundName, "This round is published: its requests can no longer change.")], 0, 0, 0, 0, false);
        }

        var (rows, errors) = CoachingCsv.Read(reader, CoachingCsv.RequestColumns, optional: ["authority_type", "avoid"]);
        if (errors.Count > 0) return new RequestImportResult(errors, rows.Count, 0, 0, 0, false);

        var characteristics = await vocabulary.CharacteristicsAsync(cancellationToken);
        var authorities = await vocabulary.AuthorityCodesAsync(cancellationToken);
        var coaches = (await db.CoachProfiles.Select(c => new { c.Id, c.Email }).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Email, c => c.Id, StringComparer.OrdinalIgnoreCase);

        var parsed = new List<(CsvRow Row, CoachingRequest Request)>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var before = errors.Count;
            void Error(string column, string reason) => errors.Add(new ImportError(row.Line, column, row[column], reason));

            CoachingCsv.CheckPerson(row, seen, "participant", Error);

            string? authority = null;
            if (row["la_code"].Length > 0)
            {
                if (authorities.TryGetValue(row["la_code"], out var la)) authority = la;
                else Error("la_code", "This is not an authority Upon knows (use the DfE number or GSS code).");
            }

            var must = row.List("must");
            var wouldLike = row.List("would_like");
            foreach (var column in new[] { "must", "would_like" })
            {
                foreach (var c in row.List(column).Where(c => !characteristics.Contains(c)))
                {
                    Error(column, $"'{c}' is not a characteristic: use {string.Join(", ", characteristics)}.");
                }
            }

            foreach (var both in must.Intersect(wouldLike))
            {
                Error("would_like", $"'{both}' is in both must and would_like: give it in one of them.");
            }

            AuthorityKind? kind = null;
            if (row["authority_type"].Length > 0)
            {
                if (AuthorityKinds.TryParse(row["authority_type"], out var k)) kind = k;
                else Error("authority_type", $"The kind of authority must be one of {string.Join(", ", AuthorityKinds.AllCodes)}.");
            }

            if (!CoachingModes.TryParseRequested(row["mode"], out var mode)) Error("mode", "The mode must be online, in-person or either.");
            string? region = null;
            if (row["region"].Length > 0)
            {
                if (CoachingModes.IsRegionCode(row["region"])) region = row["region"].ToUpperInvariant();
                else Error("region", "This is not an English region code (E12000001 to E12000009).");
            }
            else if (mode == RequestedMode.InPerson)
            {
                Error("region", "Enter the participant's region for in-person coaching.");
            }

            var avoid = new List<int>();
            foreach (var coachEmail in row.List("avoid"))
            {
                if (coaches.TryGetValue(coachEmail, out var id)) avoid.Add(id);
                else Error("avoid", $"'{coachEmail}' is not a coach in the pool.");
            }

            if (errors.Count == before)
            {
                parsed.Add((row, new CoachingRequest
                {
                    AuthorityCode = authority,
                    Must = CoachingLists.Join(must),
                    WouldLike = CoachingLists.Join(wouldLike),
                    AuthorityKind = kind,
                    Mode = mode,
                    Region = region,
                    AvoidCoachIds = CoachingLists.JoinIds(avoid),
                    CreatedAt = clock.GetCurrentInstant(),
                }));
            }
        }

        if (errors.Count > 0) return new RequestImportResult(errors, rows.Count, 0, 0, 0, false);

        var created = round is null;
        round ??= db.MatchingRounds.Add(new MatchingRound { Name = roundName, Status = RoundStatus.Open, CreatedAt = clock.GetCurrentInstant() }).Entity;
        var emails = parsed.Select(p => p.Row["email"].ToLowerInvariant()).ToList();
        var participants = new Dictionary<string, Participant>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in emails.Chunk(500))
        {
            foreach (var p in await db.Participants.Where(p => chunk.Contains(p.Email.ToLower())).ToListAsync(cancellationToken)) participants[p.Email] = p;
        }

        int added = 0, replaced = 0, participantsAdded = 0;
        foreach (var (row, request) in parsed)
        {
            if (!participants.TryGetValue(row["email"], out var participant))
            {
                participant = new Participant { Email = row["email"], GivenName = row["given_name"], FamilyName = row["family_name"], CreatedAt = clock.GetCurrentInstant() };
                db.Participants.Add(participant);
                participants[participant.Email] = participant;
                participantsAdded++;
            }

            var earlier = participant.Id == 0 ? null : round.Requests.SingleOrDefault(r => r.ParticipantId == participant.Id);
            if (earlier is not null)
            {
                earlier.AuthorityCode = request.AuthorityCode;
                earlier.Must = request.Must;
                earlier.WouldLike = request.WouldLike;
                earlier.AuthorityKind = request.AuthorityKind;
                earlier.Mode = request.Mode;
                earlier.Region = request.Region;
                earlier.AvoidCoachIds = request.AvoidCoachIds;
                replaced++;
            }
            else
            {
                request.Participant = participant;
                round.Requests.Add(request);
                added++;
            }
        }

        // A round the import opens takes in the rematch requests waiting for one, as a round staff open does.
        if (created) await rematches.TakeInWaitingAsync(round, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new RequestImportResult([], rows.Count, added, replaced, participantsAdded, created);
    }
}
