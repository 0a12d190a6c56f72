using NodaTime;

namespace Upon.Core.NewDirectors;

/// <summary>Why an appointment does or does not lead to an invitation.</summary>
public enum InvitationDecisionKind
{
    /// <summary>A first DCS post the register heard of in time: the person is invited.</summary>
    Invite,

    /// <summary>The person had an earlier DCS appointment: they are not new.</summary>
    NotFirstPost,

    /// <summary>Recorded after the appointment ended: loading the past invites nobody.</summary>
    EndedBeforeRecorded,

    /// <summary>Recorded more than six months after it started: history, not a new director.</summary>
    RecordedTooLate,
}

/// <summary>Whether an appointment leads to an invitation and, if it does, when it may be sent and is due.</summary>
/// <param name="Kind">The decision and its reason.</param>
/// <param name="SendOn">The first day it may be sent: the start date, or the day recorded when that is later.</param>
/// <param name="DueBy">The start date plus 14 days.</param>
public sealed record InvitationDecision(InvitationDecisionKind Kind, LocalDate? SendOn = null, LocalDate? DueBy = null)
{
    /// <summary>Whether the person is to be invited.</summary>
    public bool Invites => Kind == InvitationDecisionKind.Invite;
}

/// <summary>
/// The programme's promise to a new director: anyone in their first DCS post (interim and acting included) is invited
/// on their start date, and within 14 days of it at the latest. An appointment the register hears of after it ended, or
/// more than six months after it started, is history and invites nobody (staff can still invite by hand).
/// </summary>
public static class InvitationRules
{
    /// <summary>Days after the start date by which the invitation is due.</summary>
    public const int DueWithinDays = 14;

    /// <summary>How long after the start an appointment recorded later is history and invites nobody.</summary>
    public static readonly Period HistoryAfter = Period.FromMonths(6);

    /// <summary>Days from sending for which the invitation's link works; it then expires unanswered.</summary>
    public const int LinkValidDays = 28;

    /// <summary>Days after sending on which the first and second reminders go, while unanswered.</summary>
    public static readonly IReadOnlyList<int> ReminderDays = [7, 14];

    /// <param name="start">The appointment's first day.</param>
    /// <param name="end">Its last day, if it has ended.</param>
    /// <param name="recordedOn">The day the register was told (London).</param>
    /// <param name="hasEarlierAppointment">Whether the person has any DCS appointment starting before this one, anywhere.</param>
    public static InvitationDecision Decide(LocalDate start, LocalDate? end, LocalDate recordedOn, bool hasEarlierAppointment)
    {
        if (hasEarlierAppointment)
        {
            return new InvitationDecision(InvitationDecisionKind.NotFirstPost);
        }
        if (end is { } last && last < recordedOn)
        {
            return new InvitationDecision(InvitationDecisionKind.EndedBeforeRecorded);
        }
        if (!CouldInvite(start, recordedOn))
        {
            return new InvitationDecision(InvitationDecisionKind.RecordedTooLate);
        }
        return new InvitationDecision(InvitationDecisionKind.Invite, SendOn: LocalDate.Max(start, recordedOn), DueBy: DueDate(start));
    }

    /// <summary>
    /// Whether an appointment starting on <paramref name="start"/> and recorded on <paramref name="recordedOn"/> could invite
    /// anyone at all (it is not history): <see cref="Decide"/> never invites when this is false, whatever the person's other
    /// appointments, so a planner need look no further at the appointments it rules out.
    /// </summary>
    public static bool CouldInvite(LocalDate start, LocalDate recordedOn) => recordedOn <= start + HistoryAfter;

    /// <summary>The last day the invitation of an appointment starting on <paramref name="start"/> is on time.</summary>
    public static LocalDate DueDate(LocalDate start) => start.PlusDays(DueWithinDays);

    /// <summary>Which reminder (1 or 2) is due on <paramref name="today"/> for an invitation sent on <paramref name="sentOn"/>, given those already sent.</summary>
    public static int? ReminderDue(LocalDate sentOn, LocalDate today, int remindersSent) =>
        remindersSent < ReminderDays.Count && today >= sentOn.PlusDays(ReminderDays[remindersSent]) ? remindersSent + 1 : null;
}
