using Microsoft.AspNetCore.Mvc.ModelBinding;
using NodaTime;
using Upon.Core;
using Upon.Core.Sessions;
using Upon.Shared.Forms;
using Upon.Sessions.Pages.Shared;

namespace Upon.Sessions.Pages.Manage;

/// <summary>One date of a series: the session it would create, or why it cannot be created, and its warnings.</summary>
public sealed record BulkOccurrence(LocalDate Date, SessionDetails? Details, string? Problem, IReadOnlyList<SessionWarning> Warnings)
{
    public string Value => Date.ToIsoString();
}

/// <summary>A series of sessions: the rule, its range, and every date it gives.</summary>
public sealed record BulkPlan(string Rule, LocalDate From, LocalDate To, IReadOnlyList<BulkOccurrence> Occurrences)
{
    public IEnumerable<BulkOccurrence> Creatable => Occurrences.Where(o => o.Details is not null);
}

/// <summary>
/// The bulk creation form: one session's details and times of day, a recurrence ("every 4 weeks on Friday", "the last
/// Friday of each month") between two dates, and in the preview the dates ticked to create.
/// </summary>
public sealed class BulkSessionForm : SessionFormBase
{
    /// <summary>The most sessions one bulk creation makes.</summary>
    public const int MaxSessions = 100;

    /// <summary>The longest range of dates, in years.</summary>
    public const int MaxYears = 2;

    public const string Weekly = "weeks";
    public const string Monthly = "month";

    public static readonly IReadOnlyList<string> Fields =
    [
        "", "Title", "Type", "Group", "Repeat", "Interval", "WeeklyDay", "Ordinal", "MonthlyDay", "From", "To", "StartTime", "EndTime",
        "Capacity", "Venue", "VideoLink", "CircumstancesPermitting", "Facilitators", "Description", "Dates",
    ];

    public static readonly IReadOnlyList<string> ErrorOrder = FormFieldErrors.ErrorOrder(Fields, "From", "To");

    public static readonly IReadOnlyList<Choice> DayChoices =
        [.. Enumerable.Range(1, 7).Select(d => (IsoDayOfWeek)d).Select(d => new Choice(d.ToString().ToLowerInvariant(), d.ToString()))];

    public static readonly IReadOnlyList<Choice> OrdinalChoices =
        [new("1", "First"), new("2", "Second"), new("3", "Third"), new("4", "Fourth"), new("last", "Last")];

    /// <summary><see cref="Weekly"/> or <see cref="Monthly"/>.</summary>
    public string? Repeat { get; set; }

    /// <summary>Weeks between sessions, for a weekly rule.</summary>
    public string? Interval { get; set; }
    public string? WeeklyDay { get; set; }

    /// <summary><c>1</c> to <c>4</c> or <c>last</c>, for a monthly rule.</summary>
    public string? Ordinal { get; set; }
    public string? MonthlyDay { get; set; }
    public DateInput From { get; set; } = new();
    public DateInput To { get; set; } = new();

    /// <summary>The dates ticked in the preview (ISO), to create.</summary>
    public List<string> Dates { get; set; } = [];

    /// <summary>
    /// Checks the form and works out every date, replacing the model state with its problems; returns the plan when there
    /// are none. A date whose times do not exist in London is kept in the plan with its problem, and cannot be created.
    /// </summary>
    public BulkPlan? Validate(ModelStateDictionary modelState, IReadOnlyList<SessionGroup> groups, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        modelState.Clear();
        var common = ReadCommon(modelState, groups);
        var rule = ReadRule(modelState);
        var from = SessionForm.Plausible(modelState, nameof(From), "First date", From.Read(modelState, nameof(From), "First date", required: true), today);
        var to = SessionForm.Plausible(modelState, nameof(To), "Last date", To.Read(modelState, nameof(To), "Last date", required: true), today);
        if (from is { } f && to is { } t)
        {
            if (t < f)
            {
                modelState.AddModelError(DateInput.ErrorKey(nameof(To)), "Last date must be on or after the first date");
            }
            else if (t > f.PlusYears(MaxYears))
            {
                modelState.AddModelError(DateInput.ErrorKey(nameof(To)), $"The dates can span at most {MaxYears} years");
            }
        }
        if (common is not null && common.End <= common.Start)
        {
            modelState.AddModelError(nameof(EndTime), "End time must be after the start time");
        }
        if (common is null || rule is null || from is null || to is null || modelState.ErrorCount > 0)
        {
            return null;
        }
        var dates = SessionRecurrence.Dates(rule, from.Value, to.Value);
        var rawDescription = SessionRecurrence.Describe(rule);
        var description = char.ToUpperInvariant(rawDescription[0]) + rawDescription[1..];
        if (dates.Count == 0)
        {
            modelState.AddModelError(nameof(Repeat), $"{description} gives no dates from {SessionFormat.ShortDateOf(from.Value)} to {SessionFormat.ShortDateOf(to.Value)}");
            return null;
        }
        if (dates.Count > MaxSessions)
        {
            modelState.AddModelError(DateInput.ErrorKey(nameof(To)), $"{description} gives {dates.Count} dates: create at most {MaxSessions} sessions at once");
            return null;
        }
        var occurrences = dates.Select(date =>
        {
            var (start, end) = (date + common.Start, date + common.End);
            var problems = SessionSchedule.Check(start, end);
            return problems.Count == 0
                ? new BulkOccurrence(date, common.On(start, end), null, [])
                : new BulkOccurrence(date, null, string.Join("; ", problems.Values), []);
        }).ToList();
        return new BulkPlan(description, from.Value, to.Value, occurrences);
    }

    private RecurrenceRule? ReadRule(ModelStateDictionary modelState)
    {
        switch (Repeat)
        {
            case Weekly:
            {
                var interval = FormInput.Number(modelState, nameof(Interval), Interval, 1, 52, "Enter how many weeks apart the sessions are", "Weeks apart");
                var day = ReadDay(modelState, nameof(WeeklyDay), WeeklyDay);
                return interval is { } i && day is { } d ? RecurrenceRule.EveryWeeks(i, d) : null;
            }
            case Monthly:
            {
                int? ordinal = Ordinal switch
                {
                    "1" => 1,
                    "2" => 2,
                    "3" => 3,
                    "4" => 4,
                    "last" => -1,
                    _ => null,
                };
                if (ordinal is null)
                {
                    modelState.AddModelError(nameof(Ordinal), "Select which week of the month");
                }
                var day = ReadDay(modelState, nameof(MonthlyDay), MonthlyDay);
                return ordinal is { } o && day is { } d ? RecurrenceRule.MonthlyOn(o, d) : null;
            }
            default:
                modelState.AddModelError(nameof(Repeat), "Select how often the sessions repeat");
                return null;
        }
    }

    private static IsoDayOfWeek? ReadDay(ModelStateDictionary modelState, string key, string? value)
    {
        if (value is { Length: > 0 } && value.All(char.IsAsciiLetter) && Enum.TryParse<IsoDayOfWeek>(value, ignoreCase: true, out var day) && day != IsoDayOfWeek.None)
        {
            return day;
        }
        modelState.AddModelError(key, "Select the day of the week");
        return null;
    }
}
