using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Upon.Core;
using Upon.Data;
using Upon.Shared.Forms;
using Upon.Shared.Security;

namespace Upon.Aspirants.CohortYear.Pages.Staff;

/// <summary>
/// A published set's meetings: each added here becomes a session of the Aspirant Directors strand's cohort that only
/// the set's members are booked on and see.
/// </summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class SetMeetingsModel(UponDbContext db, LearningSetService service, IClock clock) : PageModel
{
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("H:mm");

    public AspirantLearningSet Set { get; private set; } = null!;

    [BindProperty] public DateInput Date { get; set; } = new();
    [BindProperty] public string? StartTime { get; set; }
    [BindProperty] public string? EndTime { get; set; }
    [BindProperty] public string? Venue { get; set; }
    [BindProperty] public string? VideoLink { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        StartTime ??= "13:00";
        EndTime ??= "15:30";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (Set.PublishedAt is null) ModelState.AddModelError("", "Publish the sets before adding their meetings");
        var date = Date.Read(ModelState, nameof(Date), "Date of the meeting", required: true);
        if (date is { } d && !PlausibleDates.IsPlausibleSessionDate(d, clock.TodayInLondon())) ModelState.AddModelError(DateInput.ErrorKey(nameof(Date)), "Date of the meeting must be from 2000 to two years ahead");
        var start = ParseTime(StartTime, nameof(StartTime), "Enter the start time, like 13:00");
        var end = ParseTime(EndTime, nameof(EndTime), "Enter the end time, like 15:30");
        if (start is { } s && end is { } e && e <= s) ModelState.AddModelError(nameof(EndTime), "The meeting must end after it starts");
        Venue = string.IsNullOrWhiteSpace(Venue) ? null : Venue.Trim();
        VideoLink = string.IsNullOrWhiteSpace(VideoLink) ? null : VideoLink.Trim();
        if (Venue is null && VideoLink is null) ModelState.AddModelError(nameof(Venue), "Enter the venue or a video link");
        if (Venue is { Length: > Upon.Sessions.Session.MaxVenueLength } || (Venue is not null && ControlCharacters.Contains(Venue, multiline: true))) ModelState.AddModelError(nameof(Venue), $"The venue must be {Upon.Sessions.Session.MaxVenueLength} characters or fewer");
        if (VideoLink is not null && (VideoLink.Length > Upon.Sessions.Session.MaxVideoLinkLength || !Uri.TryCreate(VideoLink, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            ModelState.AddModelError(nameof(VideoLink), "Enter the video link as a web address starting https://");
        }
        if (!ModelState.IsValid) return Page();
        try
        {
            var errors = await service.AddMeetingAsync(id, date!.Value.At(start!.Value), date.Value.At(end!.Value), Venue, VideoLink, cancellationToken);
            foreach (var (key, message) in errors)
            {
                ModelState.AddModelError(key is "StartTime" or "EndTime" or "Venue" or "VideoLink" ? key : "", message);
            }
        }
        catch (LearningSetRuleException problem)
        {
            ModelState.AddModelError("", problem.Message);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, cancellationToken);
            return Page();
        }
        TempData["Notice"] = $"The meeting was added and the set's {Set.Members.Count} members booked on it";
        return Redirect($"/aspirants/learning-sets/{id}/meetings");
    }

    private LocalTime? ParseTime(string? text, string key, string message)
    {
        if (!string.IsNullOrWhiteSpace(text) && TimePattern.Parse(text.Trim()).TryGetValue(default, out var time)) return time;
        ModelState.AddModelError(key, message);
        return null;
    }

    private async Task<bool> LoadAsync(int setId, CancellationToken cancellationToken)
    {
        var set = await db.AspirantLearningSets.AsNoTracking().Include(s => s.Cohort).Include(s => s.Members).ThenInclude(m => m.Application)
            .Include(s => s.Meetings).ThenInclude(m => m.Session).AsSplitQuery().SingleOrDefaultAsync(s => s.Id == setId, cancellationToken);
        if (set is null) return false;
        Set = set;
        return true;
    }

    public static string When(Upon.Sessions.Session session) => string.Create(CultureInfo.InvariantCulture, $"{session.Start.Date:d MMMM yyyy}, {session.Start.TimeOfDay:HH:mm} to {session.End.TimeOfDay:HH:mm}");
}
