using Microsoft.AspNetCore.Mvc.ModelBinding;
using NodaTime;
using Upon.Core;
using Upon.Core.Sessions;
using Upon.Shared.Forms;
using Upon.Sessions.Pages.Shared;
using Upon.Shared;

namespace Upon.Sessions.Pages.Manage;

/// <summary>
/// The fields every session form has: what the session is, who it is for, its times of day and where it happens. Posted
/// without a prefix (<c>Title</c>, <c>StartTime</c>, ...), so that the names, ids and model state keys are the same.
/// </summary>
public abstract class SessionFormBase
{
    public static readonly IReadOnlyList<Choice> TypeChoices =
        [.. SessionCodes.AllTypes.Select(t => new Choice(t.ToCode(), t.DisplayName()))];

    public string? Title { get; set; }
    public string? Type { get; set; }

    /// <summary>Who the session is for: <c>strand-1</c> or <c>cohort-3</c> (see <see cref="SessionGroup"/>).</summary>
    public string? Group { get; set; }
    public string? StartTime { get; set; }
    public string? EndTime { get; set; }
    public string? Capacity { get; set; }
    public string? Venue { get; set; }
    public string? VideoLink { get; set; }
    public bool CircumstancesPermitting { get; set; }
    public string? Facilitators { get; set; }
    public string? Description { get; set; }

    /// <summary>The warnings the person has seen and confirmed (see <see cref="SessionWarnings.ConfirmationOf"/>).</summary>
    public string? Confirmed { get; set; }

    /// <summary>The shared fields once read, for building <see cref="SessionDetails"/>.</summary>
    protected sealed record Common(string Title, SessionType Type, SessionGroup Group, LocalTime Start, LocalTime End, int Capacity,
        string? Venue, string? VideoLink, bool CircumstancesPermitting, string? Facilitators, string? Description)
    {
        public SessionDetails On(LocalDateTime start, LocalDateTime end) => new(Title, Type, Group.StrandId, Group.CohortId, start, end,
            Capacity, Venue, VideoLink, CircumstancesPermitting, Facilitators, Description);
    }

    protected void CopyFrom(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        Title = session.Title;
        Type = session.Type.ToCode();
        Group = SessionGroup.ValueOf(session.StrandId, session.CohortId);
        StartTime = FormInput.TimeText(session.Start.TimeOfDay);
        EndTime = FormInput.TimeText(session.End.TimeOfDay);
        Capacity = session.Capacity.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Venue = session.Venue;
        VideoLink = session.VideoLink;
        CircumstancesPermitting = session.CircumstancesPermitting;
        Facilitators = session.Facilitators;
        Description = session.Description;
    }

    /// <summary>Reads the shared fields, adding GOV.UK errors to the model state; null if any has a problem.</summary>
    protected Common? ReadCommon(ModelStateDictionary modelState, IReadOnlyList<SessionGroup> groups)
    {
        var title = FormInput.Required(modelState, nameof(Title), Title, Session.MaxTitleLength, "Enter a title", "Title");
        if (!SessionCodes.TryParseType(Type, out var type))
        {
            modelState.AddModelError(nameof(Type), "Select the type of session");
        }
        var group = groups.FirstOrDefault(g => g.Value == Group);
        if (group is null)
        {
            modelState.AddModelError(nameof(Group), "Select the strand or cohort");
        }
        var start = FormInput.Time(modelState, nameof(StartTime), StartTime, "Start time");
        var end = FormInput.Time(modelState, nameof(EndTime), EndTime, "End time");
        var capacity = FormInput.Number(modelState, nameof(Capacity), Capacity, 1, Session.MaxCapacity, "Enter the number of places", "Number of places");
        var venue = FormInput.Optional(modelState, nameof(Venue), Venue, Session.MaxVenueLength, "Venue");
        var link = FormInput.Link(modelState, nameof(VideoLink), VideoLink, Session.MaxVideoLinkLength, required: false);
        var facilitators = FormInput.Optional(modelState, nameof(Facilitators), Facilitators, Session.MaxFacilitatorsLength, "Facilitators");
        var description = FormInput.Optional(modelState, nameof(Description), Description, Session.MaxDescriptionLength, "Description");
        if (CircumstancesPermitting && venue is null && modelState.ErrorFor(nameof(Venue)) is null)
        {
            modelState.AddModelError(nameof(Venue), "Enter the venue of a session in person, circumstances permitting");
        }
        if (group is null || start is null || end is null || capacity is null || modelState.ErrorCount > 0)
        {
            return null;
        }
        return new Common(title, type, group, start.Value, end.Value, capacity.Value, venue, link, CircumstancesPermitting, facilitators, description);
    }

    /// <summary>
    /// Records the service's errors: <c>Start</c> and <c>End</c> problems of the London clock go to the time fields, an
    /// empty key to the top of the page, anything else to its field.
    /// </summary>
    public static void AddErrors(ModelStateDictionary modelState, IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (key, message) in errors)
        {
            var field = key switch
            {
                "Start" => nameof(StartTime),
                "End" => nameof(EndTime),
                "EndDate" => DateInput.ErrorKey("EndDate"),
                _ => key,
            };
            modelState.AddModelError(field, message);
        }
    }
}

/// <summary>The form to create, edit or copy one session: its date, and an end date for sessions over several days.</summary>
public sealed class SessionForm : SessionFormBase
{
    /// <summary>The longest a session may last, over consecutive days (residentials are usually two).</summary>
    public const int MaxDays = SessionTimes.MaxDays;

    public static readonly IReadOnlyList<string> Fields =
        ["", "Title", "Type", "Group", "Date", "StartTime", "EndTime", "EndDate", "Capacity", "Venue", "VideoLink", "CircumstancesPermitting", "Facilitators", "Description"];

    /// <summary>The model state keys in page order, for the error summary.</summary>
    public static readonly IReadOnlyList<string> ErrorOrder = FormFieldErrors.ErrorOrder(Fields, "Date", "EndDate");

    public DateInput Date { get; set; } = new();
    public DateInput EndDate { get; set; } = new();

    /// <summary>The form filled in from a session, to edit it.</summary>
    public static SessionForm From(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var form = new SessionForm
        {
            Date = DateInput.From(session.Start.Date),
            EndDate = session.End.Date == session.Start.Date ? new DateInput() : DateInput.From(session.End.Date),
        };
        form.CopyFrom(session);
        return form;
    }

    /// <summary>The form filled in from a session to make another like it: everything but the dates.</summary>
    public static SessionForm CopyOf(Session session)
    {
        var form = From(session);
        form.Date = new DateInput();
        form.EndDate = new DateInput();
        return form;
    }

    /// <summary>
    /// Checks the form (required fields, lengths, real dates and times, times that happen once in London, the end after the
    /// start), replacing the model state with its problems; returns the session's details when there are none.
    /// </summary>
    public SessionDetails? Validate(ModelStateDictionary modelState, IReadOnlyList<SessionGroup> groups, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        modelState.Clear();
        var common = ReadCommon(modelState, groups);
        var when = ReadWhen(modelState, Date, EndDate, common?.Start, common?.End, today);
        if (common is null || when is not { } times || modelState.ErrorCount > 0)
        {
            return null;
        }
        return common.On(times.Start, times.End);
    }

    /// <summary>
    /// A session's date within <see cref="PlausibleDates"/> (from 2000 to five years ahead), or null with the GOV.UK error
    /// ("Date must be between 1 January 2000 and 25 November 2031").
    /// </summary>
    public static LocalDate? Plausible(ModelStateDictionary modelState, string name, string label, LocalDate? date, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (date is { } d && !PlausibleDates.IsPlausibleSessionDate(d, today))
        {
            modelState.AddModelError(DateInput.ErrorKey(name),
                $"{label} must be between {Day(PlausibleDates.Earliest)} and {Day(PlausibleDates.LatestSessionDate(today))}");
            return null;
        }
        return date;
    }

    private static string Day(LocalDate date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a date with an optional end date for sessions over several days, and puts the times of day on them: the start
    /// and end in London, or null with the problems recorded (a date that is not real, an end before the start, a session
    /// longer than <see cref="MaxDays"/> days, a time that does not happen exactly once in London).
    /// </summary>
    public static (LocalDateTime Start, LocalDateTime End)? ReadWhen(ModelStateDictionary modelState, DateInput date, DateInput endDate, LocalTime? startTime, LocalTime? endTime, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(date);
        ArgumentNullException.ThrowIfNull(endDate);
        var first = Plausible(modelState, nameof(Date), "Date", date.Read(modelState, nameof(Date), "Date", required: true), today);
        var last = Plausible(modelState, nameof(EndDate), "End date", endDate.Read(modelState, nameof(EndDate), "End date", required: false), today);
        if (first is { } f && last is { } l)
        {
            if (l < f)
            {
                modelState.AddModelError(DateInput.ErrorKey(nameof(EndDate)), "End date must be on or after the date of the session");
                return null;
            }
            if (!SessionTimes.IsWithinMaxDays(f, l))
            {
                modelState.AddModelError(DateInput.ErrorKey(nameof(EndDate)), SessionTimes.TooLong);
                return null;
            }
        }
        if (first is null || startTime is null || endTime is null)
        {
            return null;
        }
        var start = first.Value + startTime.Value;
        var end = (last ?? first.Value) + endTime.Value;
        if (end <= start)
        {
            modelState.AddModelError(nameof(EndTime), last is null || last == first
                ? "End time must be after the start time"
                : "The end must be after the start");
            return null;
        }
        var clock = SessionSchedule.Check(start, end);
        if (clock.Count > 0)
        {
            AddErrors(modelState, clock);
            return null;
        }
        return (start, end);
    }
}

/// <summary>What the shared field partials show: the form and who a session can be for.</summary>
public sealed record SessionFieldsView(SessionFormBase Form, IReadOnlyList<SessionGroup> Groups);
