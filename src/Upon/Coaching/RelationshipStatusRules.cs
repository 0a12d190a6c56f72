using NodaTime;
using Upon.Core;
using Upon.Shared.Text;

namespace Upon.Coaching;

/// <summary>A change of a relationship's status that staff record: the new status, the day it took effect and why.</summary>
public sealed record RelationshipStatusChange(int RelationshipId, RelationshipStatus To, LocalDate On, string? Reason);

/// <summary>The part of a status change a problem is about, so that a form can show it by its field.</summary>
public enum RelationshipStatusField
{
    Status,
    Date,
    Reason,
}

/// <summary>Why a status change was refused, and which part of it to fix.</summary>
public sealed record RelationshipStatusProblem(RelationshipStatusField Field, string Message);

/// <summary>
/// The moves between a relationship's statuses: active to paused and back (resume), active or paused to ended early or
/// completed, which are final. Pausing and ending early need a reason; the date is from the relationship's start (and its
/// last change) to today.
/// </summary>
public static class RelationshipStatusRules
{
    /// <summary>The longest reason kept (the column's length).</summary>
    public const int MaxReasonLength = 500;

    /// <summary>What refuses a session logged on a relationship that has ended early or completed.</summary>
    public const string EndedLoggingRefused = "This coaching has ended: sessions can no longer be logged";

    /// <summary>Whether no status can follow this one.</summary>
    public static bool IsFinal(RelationshipStatus status) => status is RelationshipStatus.EndedEarly or RelationshipStatus.Completed;

    /// <summary>The statuses a relationship may move to from <paramref name="from"/>, in the order a form offers them.</summary>
    public static IReadOnlyList<RelationshipStatus> MovesFrom(RelationshipStatus from) => from switch
    {
        RelationshipStatus.Active => [RelationshipStatus.Paused, RelationshipStatus.EndedEarly, RelationshipStatus.Completed],
        RelationshipStatus.Paused => [RelationshipStatus.Active, RelationshipStatus.EndedEarly, RelationshipStatus.Completed],
        _ => [],
    };

    /// <summary>Whether a move to <paramref name="to"/> needs a reason: pausing and ending early do.</summary>
    public static bool NeedsReason(RelationshipStatus to) => to is RelationshipStatus.Paused or RelationshipStatus.EndedEarly;

    /// <summary>A reason as kept: line breaks as <c>\n</c>, trimmed; null when nothing is left.</summary>
    public static string? CleanReason(string? reason) => LineBreaks.Normalise(reason).Trim() is { Length: > 0 } text ? text : null;

    /// <summary>
    /// Every problem with moving <paramref name="relationship"/> to <paramref name="to"/> on <paramref name="on"/> for
    /// <paramref name="reason"/>; empty when the move may be recorded. A null status or date (one the form could not read)
    /// is left to the form's own message and the checks that need it are skipped.
    /// </summary>
    public static IReadOnlyList<RelationshipStatusProblem> Check(CoachingRelationship relationship, RelationshipStatus? to, LocalDate? on, string? reason, LocalDate today)
    {
        var problems = new List<RelationshipStatusProblem>();
        var from = relationship.Status;
        if (IsFinal(from))
        {
            var when = relationship.StatusChangedOn is { } changed ? $" on {TextFormat.Date(changed)}" : "";
            problems.Add(new(RelationshipStatusField.Status, from == RelationshipStatus.EndedEarly
                ? $"This relationship ended early{when}: its status can no longer change"
                : $"This relationship was completed{when}: its status can no longer change"));
            return problems;
        }
        if (to is { } status)
        {
            if (status == from)
            {
                problems.Add(new(RelationshipStatusField.Status, $"This relationship is already {Describe(from).ToLowerInvariant()}"));
            }
            else if (!MovesFrom(from).Contains(status))
            {
                problems.Add(new(RelationshipStatusField.Status, "Select the new status"));
            }
        }

        if (on is { } date)
        {
            // Not before it started, nor before the status it leaves began (a resume cannot come before its pause).
            var lastChange = relationship.StatusChangedOn is { } changed && changed > relationship.StartsOn ? changed : (LocalDate?)null;
            if (date > today)
            {
                problems.Add(new(RelationshipStatusField.Date, "The date must be today or in the past"));
            }
            else if (date < relationship.StartsOn)
            {
                problems.Add(new(RelationshipStatusField.Date, $"The date must be on or after {TextFormat.Date(relationship.StartsOn)}, when the relationship started"));
            }
            else if (lastChange is { } last && date < last)
            {
                problems.Add(new(RelationshipStatusField.Date, $"The date must be on or after {TextFormat.Date(last)}, when its status last changed"));
            }
        }

        var text = CleanReason(reason);
        if (text is null)
        {
            if (to is { } needing && needing != from && NeedsReason(needing))
            {
                problems.Add(new(RelationshipStatusField.Reason, needing == RelationshipStatus.Paused ? "Enter a reason for pausing" : "Enter a reason for ending early"));
            }
        }
        else if (text.Length > MaxReasonLength)
        {
            problems.Add(new(RelationshipStatusField.Reason, $"The reason must be {MaxReasonLength} characters or fewer"));
        }
        else if (ControlCharacters.Contains(text, multiline: true))
        {
            problems.Add(new(RelationshipStatusField.Reason, $"The reason {ControlCharacters.Problem(text, multiline: true)}"));
        }

        return problems;
    }

    /// <summary>"Active", "Paused", "Ended early", "Completed".</summary>
    public static string Describe(RelationshipStatus status) => status switch
    {
        RelationshipStatus.Active => "Active",
        RelationshipStatus.Paused => "Paused",
        RelationshipStatus.EndedEarly => "Ended early",
        RelationshipStatus.Completed => "Completed",
        _ => status.ToString(),
    };

    /// <summary>What a form offers for a move to <paramref name="to"/>: "Pause", "Resume", "End early", "Complete".</summary>
    public static string Move(RelationshipStatus to) => to switch
    {
        RelationshipStatus.Active => "Resume",
        RelationshipStatus.Paused => "Pause",
        RelationshipStatus.EndedEarly => "End early",
        RelationshipStatus.Completed => "Complete",
        _ => to.ToString(),
    };

    /// <summary>
    /// A relationship's status as the coach and the coachee see it when it is not active: "Paused since 3 March 2027:
    /// moved post", "Ended early on 3 March 2027: ...", "Completed on 3 March 2027."; null while active.
    /// </summary>
    public static string? Summary(CoachingRelationship relationship)
    {
        if (relationship.Status == RelationshipStatus.Active)
        {
            return null;
        }
        var when = relationship.StatusChangedOn is { } on
            ? (relationship.Status == RelationshipStatus.Paused ? " since " : " on ") + TextFormat.Date(on)
            : "";
        return $"{Describe(relationship.Status)}{when}{(relationship.StatusReason is { Length: > 0 } reason ? $": {reason}" : ".")}";
    }
}
