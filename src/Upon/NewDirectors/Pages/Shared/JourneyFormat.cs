using System.Globalization;
using NodaTime;
using Upon.Core.NewDirectors;
using Upon.Sessions;

namespace Upon.NewDirectors.Pages.Shared;

/// <summary>How the New Directors pages name stages, statuses and flags, and the addresses they link to.</summary>
public static class JourneyFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    /// <summary>"25 November 2026".</summary>
    public static string Date(LocalDate date) => Upon.Shared.Text.TextFormat.Date(date);

    /// <summary>"25 Nov 2026", for tables.</summary>
    public static string ShortDate(LocalDate date) => date.ToString("d MMM yyyy", Invariant);

    /// <summary>"25 November 2026 to 24 November 2027".</summary>
    public static string Dates(LocalDate from, LocalDate to) => $"{Date(from)} to {Date(to)}";

    /// <summary>"60.0%": <see cref="Upon.Core.FigureFormat.Percent"/>.</summary>
    public static string Percent(double share) => Upon.Core.FigureFormat.Percent(share);

    public static string Stage(JourneyStage stage) => stage switch
    {
        JourneyStage.NotStarted => "Not started",
        JourneyStage.CoreProgramme => "Core programme",
        JourneyStage.CoachingYear => "Coaching year",
        _ => "Finished",
    };

    /// <summary>The query value of a stage in the overview's filter: <c>core-programme</c>, ...</summary>
    public static string StageCode(JourneyStage stage) => stage switch
    {
        JourneyStage.NotStarted => "not-started",
        JourneyStage.CoreProgramme => "core-programme",
        JourneyStage.CoachingYear => "coaching-year",
        _ => "finished",
    };

    public static string Status(EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Enrolled => "Enrolled",
        EnrolmentStatus.CoreProgramme => "Core programme",
        EnrolmentStatus.CoachingYear => "Coaching year",
        EnrolmentStatus.Completed => "Completed",
        EnrolmentStatus.Deferred => "Deferred",
        _ => "Withdrawn",
    };

    public static string StatusTag(EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Completed => "govuk-tag govuk-tag--green",
        EnrolmentStatus.Deferred => "govuk-tag govuk-tag--yellow",
        EnrolmentStatus.Withdrawn => "govuk-tag govuk-tag--grey",
        EnrolmentStatus.CoachingYear => "govuk-tag govuk-tag--purple",
        _ => "govuk-tag govuk-tag--blue",
    };

    public static string InvitationStatus(NewDirectors.InvitationStatus status) => status switch
    {
        NewDirectors.InvitationStatus.Pending => "Not sent",
        NewDirectors.InvitationStatus.Sent => "Sent, awaiting an answer",
        NewDirectors.InvitationStatus.Accepted => "Accepted",
        NewDirectors.InvitationStatus.Declined => "Declined",
        NewDirectors.InvitationStatus.Expired => "Expired",
        _ => "Withdrawn",
    };

    public static string InvitationStatusTag(NewDirectors.InvitationStatus status) => status switch
    {
        NewDirectors.InvitationStatus.Pending => "govuk-tag govuk-tag--yellow",
        NewDirectors.InvitationStatus.Sent => "govuk-tag govuk-tag--blue",
        NewDirectors.InvitationStatus.Accepted => "govuk-tag govuk-tag--green",
        NewDirectors.InvitationStatus.Declined => "govuk-tag govuk-tag--orange",
        NewDirectors.InvitationStatus.Expired => "govuk-tag govuk-tag--red",
        _ => "govuk-tag govuk-tag--grey",
    };

    /// <summary>The query value of an invitation status in the list's filter: <c>pending</c>, <c>sent</c>, ...</summary>
    public static string InvitationStatusCode(NewDirectors.InvitationStatus status) => status.ToString().ToLowerInvariant();

    public static string Action(JourneyAction action) => action switch
    {
        JourneyAction.Defer => "Defer",
        JourneyAction.Withdraw => "Withdraw",
        JourneyAction.Resume => "Resume the journey",
        _ => "Mark as completed",
    };

    public static string ActionHint(JourneyAction action) => action switch
    {
        JourneyAction.Defer => "Pause the journey: no stage changes and no falling-behind flag until it resumes. The journey's dates do not move.",
        JourneyAction.Withdraw => "They leave the programme. The record stays.",
        JourneyAction.Resume => "Back at the stage the journey's dates give on that day.",
        _ => "Completed, whatever the completion criteria say.",
    };

    /// <summary>"Attended" green, "Missed" red, "Booked" blue ...</summary>
    public static string SessionStateTag(JourneySessionView session) => session.State switch
    {
        var s when s.StartsWith("Attended", StringComparison.Ordinal) => "govuk-tag govuk-tag--green",
        "Missed" => "govuk-tag govuk-tag--red",
        "Booked" => "govuk-tag govuk-tag--blue",
        "Waiting list" => "govuk-tag govuk-tag--yellow",
        _ => "govuk-tag govuk-tag--grey",
    };

    public static string When(JourneySessionView session) => SessionFormat.When(session.Session);

    public static string ParticipantUrl(int enrolmentId) => $"/new-directors/participants/{enrolmentId.ToString(Invariant)}";

    public static string InvitationUrl(int invitationId) => $"/new-directors/invitations/{invitationId.ToString(Invariant)}";
}
