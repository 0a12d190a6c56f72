using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Shared.Security;
using Upon.Audit;
using Upon.Core.Coaching;
using Upon.Data;

namespace Upon.Coaching.Pages.Staff;

/// <summary>
/// A round: its definitions, run and re-run, review (lock, forbid, swap with warnings, allow a previous coach), the
/// fairness check and publishing. Administrators only; every view is audited before the requests are read.
/// </summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class RoundModel(UponDbContext db, AuditLog audit, RoundReview review, MatchingService matching, CoachingVocabulary vocabulary) : PageModel
{
    public RoundReviewModel Review { get; private set; } = null!;
    public CharacteristicLabels Labels { get; private set; } = CharacteristicLabels.Standard;

    public MatchingRound Round => Review.Loaded.Round;

    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await db.MatchingRounds.AnyAsync(r => r.Id == id, cancellationToken)) return NotFound();
        await audit.RecordViewAsync(nameof(MatchingRound), id.ToString(System.Globalization.CultureInfo.InvariantCulture), "coaching requests and proposals of the round, by an administrator", cancellationToken);
        Review = (await review.BuildAsync(id, cancellationToken))!;
        Labels = await vocabulary.LabelsAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostRunAsync(int id, CancellationToken cancellationToken) =>
        Act(id, async () =>
        {
            var (_, result) = await matching.RunAsync(id, cancellationToken);
            return $"Run: {result.Matched} matched, total score {result.TotalScore}.";
        });

    public Task<IActionResult> OnPostLockAsync(int id, int requestId, int coachId, CancellationToken cancellationToken) =>
        Act(id, async () =>
        {
            await matching.DecideAsync(id, requestId, coachId, DecisionKind.Locked, cancellationToken);
            await SetProposalAsync(id, requestId, coachId, cancellationToken);
            return "Pair locked: it is kept when the round is re-run.";
        });

    public Task<IActionResult> OnPostSwapAsync(int id, int requestId, int coachId, CancellationToken cancellationToken) =>
        Act(id, async () =>
        {
            if (coachId == 0) throw new CoachingRuleException("Choose a coach to swap to.");
            await matching.DecideAsync(id, requestId, coachId, DecisionKind.Locked, cancellationToken);
            await SetProposalAsync(id, requestId, coachId, cancellationToken);
            return "Swapped and locked. Check the warnings against the pair.";
        });

    public Task<IActionResult> OnPostForbidAsync(int id, int requestId, int coachId, CancellationToken cancellationToken) =>
        Act(id, async () =>
        {
            await matching.DecideAsync(id, requestId, coachId, DecisionKind.Forbidden, cancellationToken);
            return "Pair forbidden: re-run the round to find another coach.";
        });

    public Task<IActionResult> OnPostClearAsync(int id, int requestId, int coachId, CancellationToken cancellationToken) =>
        Act(id, async () =>
        {
            await matching.DecideAsync(id, requestId, coachId, null, cancellationToken);
            var proposal = await db.RoundProposals.SingleOrDefaultAsync(p => p.RoundId == id && p.RequestId == requestId && p.CoachId == coachId, cancellationToken);
            if (proposal is not null)
            {
                proposal.Locked = false;
                await db.SaveChangesAsync(cancellationToken);
            }

            return "Decision cleared.";
        });

    public Task<IActionResult> OnPostAllowPreviousAsync(int id, int requestId, CancellationToken cancellationToken) =>
        Act(id, async () =>
        {
            await matching.AllowPreviousCoachAsync(id, requestId, allow: true, cancellationToken);
            return "Previous coach allowed for this participant: re-run the round to propose them.";
        });

    public Task<IActionResult> OnPostDisallowPreviousAsync(int id, int requestId, CancellationToken cancellationToken) =>
        Act(id, async () =>
        {
            await matching.AllowPreviousCoachAsync(id, requestId, allow: false, cancellationToken);
            return "Previous coach no longer allowed for this participant: re-run the round.";
        });

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken) =>
        Act(id, async () => $"Published: {await matching.PublishAsync(id, cancellationToken)} coaching relationships created and both sides emailed.");

    private async Task<IActionResult> Act(int id, Func<Task<string>> action)
    {
        if (!await db.MatchingRounds.AnyAsync(r => r.Id == id)) return NotFound();
        try
        {
            Notice = await action();
        }
        catch (CoachingRuleException e)
        {
            Notice = e.Message;
        }

        return Redirect($"/coaching/rounds/{id}");
    }

    /// <summary>Puts a hand-chosen coach into the stored results, locked, with its score and reasons.</summary>
    private async Task SetProposalAsync(int roundId, int requestId, int coachId, CancellationToken cancellationToken)
    {
        var loaded = await matching.LoadAsync(roundId, cancellationToken);
        var request = loaded!.Round.Requests.SingleOrDefault(r => r.Id == requestId) ?? throw new CoachingRuleException("There is no such request in this round.");
        var coach = loaded.CoachesByKey.Values.SingleOrDefault(c => c.Id == coachId) ?? throw new CoachingRuleException("There is no such coach.");
        var matchRequest = loaded.Problem.Requests.Single(r => r.Key == request.Participant!.Email);
        var matchCoach = loaded.Problem.Coaches.SingleOrDefault(c => c.Key == coach.Email) ?? throw new CoachingRuleException("This coach is not active in the pool.");
        var score = PairScore.Of(matchRequest, matchCoach, loaded.Round.Weights);
        var proposal = await db.RoundProposals.SingleOrDefaultAsync(p => p.RoundId == roundId && p.RequestId == requestId, cancellationToken);
        if (proposal is null)
        {
            proposal = new RoundProposal { RoundId = roundId, RequestId = requestId };
            db.RoundProposals.Add(proposal);
        }

        proposal.CoachId = coachId;
        proposal.Locked = true;
        proposal.Score = score.Total;
        proposal.Reasons = string.Join('\n', score.Reasons(loaded.Round.Weights).Prepend("Locked by staff."));
        await db.SaveChangesAsync(cancellationToken);
    }
}
