using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Upon.Shared.Security;
using Upon.Core;
using Upon.Sessions;

namespace Upon.Participants.Pages;

/// <summary>One participant for staff: their details, enrolments, places on sessions to come and their attendance record.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DetailsModel(ParticipantDirectory directory, AttendanceQueries attendance, IClock clock, IEnumerable<Upon.Shared.IParticipantRecordSource> recordSources) : PageModel
{
    public Participant Participant { get; private set; } = null!;

    public LocalDate Today { get; private set; }

    /// <summary>When the page was read: a session that has ended by then shows as held, never scheduled.</summary>
    public Instant Now { get; private set; }

    public IReadOnlyList<UpcomingPlace> Upcoming { get; private set; } = [];

    public AttendanceHistory History { get; private set; } = null!;

    /// <summary>What other features add to the record (completion of an Aspirant Directors year ...).</summary>
    public IReadOnlyList<Upon.Shared.ParticipantRecordLine> RecordLines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(id, cancellationToken) is not { } participant)
        {
            return NotFound();
        }
        Participant = participant;
        Now = clock.GetCurrentInstant();
        Today = clock.TodayInLondon();
        Upcoming = await directory.UpcomingAsync(id, cancellationToken);
        History = await attendance.HistoryAsync(id, cancellationToken);
        var lines = new List<Upon.Shared.ParticipantRecordLine>();
        foreach (var source in recordSources)
        {
            lines.AddRange(await source.LinesForAsync(id, cancellationToken));
        }
        RecordLines = lines;
        return Page();
    }
}
