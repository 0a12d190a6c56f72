using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Upon.Shared.Security;
using Upon.Core;
using Upon.Shared.Forms;

namespace Upon.Sessions.Pages.Attendance;

/// <summary>
/// The programme's attendance: figures by strand, cohort, session type and month for a date range (the last 12 months
/// unless chosen), who missed their two most recent marked sessions, and the same as CSV and Excel.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(AttendanceFigureCache attendance, Upon.Shared.Figures.FigureReader figureReader, IClock clock) : PageModel
{
    /// <summary>The key the page's figures are rendered under, once per change of them and per view (<see cref="Upon.Shared.Figures.FigureReader.FragmentKey"/>).</summary>
    public string FragmentKey => figureReader.FragmentKey(HttpContext, "staff");

    [BindProperty(SupportsGet = true)]
    public DateInput From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInput To { get; set; } = new();

    /// <summary>A strand's id, or empty for every strand.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Strand { get; set; }

    public IReadOnlyList<Strand> Strands { get; private set; } = [];

    /// <summary>The figures, or null when the filters have errors.</summary>
    public ProgrammeAttendanceFigures? Figures { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Strands = await attendance.StrandsAsync(cancellationToken);
        var defaults = AttendancePeriod.LastTwelveMonths(clock.TodayInLondon());
        if (From.IsEmpty && To.IsEmpty)
        {
            From = DateInput.From(defaults.From);
            To = DateInput.From(defaults.To);
        }
        var today = clock.TodayInLondon();
        var from = Manage.SessionForm.Plausible(ModelState, nameof(From), "Start date", From.Read(ModelState, nameof(From), "Start date", required: true), today);
        var to = Manage.SessionForm.Plausible(ModelState, nameof(To), "End date", To.Read(ModelState, nameof(To), "End date", required: true), today);
        if (from is { } first && to is { } last && last < first)
        {
            ModelState.AddModelError(DateInput.ErrorKey(nameof(To)), "The end date must be the same as or after the start date");
        }
        int? strandId = null;
        if (!string.IsNullOrWhiteSpace(Strand))
        {
            if (int.TryParse(Strand, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && Strands.Any(s => s.Id == id))
            {
                strandId = id;
            }
            else
            {
                ModelState.AddModelError(nameof(Strand), "Select a strand from the list");
            }
        }
        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }
        Figures = await attendance.FiguresAsync(new AttendancePeriod(from!.Value, to!.Value, strandId), cancellationToken);
        // Rendered only when the browser's copy is out of date.
        return figureReader.PageNotModified(HttpContext) ? StatusCode(StatusCodes.Status304NotModified) : Page();
    }
}
