using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Core;
using Upon.Core.Disclosure;
using Upon.Disclosure;
using Upon.Shared.Figures;
using Upon.Shared.Security;

namespace Upon.Coaching.Pages.Figures;

/// <summary>
/// The coaching figures for staff (exact) and the funder (small numbers suppressed, as on the other figures pages): the
/// pool, coachees, sessions and hours by strand and month, entitlement used, and each published round's match rate and
/// wishes met.
/// </summary>
[Authorize(Policy = Policies.Aggregates)]
public sealed class IndexModel(CoachingFigureCache figures, FigureReader figureReader, FigureDisclosure disclosure) : PageModel
{
    /// <summary>What a suppressed figure shows: "[c]".</summary>
    public const string SuppressedSymbol = "[" + Disclosed.Symbol + "]";

    public CoachingReportFigures Figures { get; private set; } = null!;

    /// <summary>Whether small numbers are suppressed for this viewer (the funder).</summary>
    public bool Suppressing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var rule = disclosure.RuleFor(User);
        Suppressing = rule.SuppressesAnything;
        Figures = await figures.PublishedAsync(rule, cancellationToken);
        return figureReader.PageNotModified(HttpContext) ? StatusCode(StatusCodes.Status304NotModified) : Page();
    }

    /// <summary>A count, or null when suppressed or not available.</summary>
    public static string? Count(int? value) => value?.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Hours with at most two decimal places.</summary>
    public static string? Hours(double? value) => value?.ToString("#,##0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A share as <see cref="FigureFormat.Percent"/> writes it ("45.5%").</summary>
    public static string? Percent(double? value) => value is { } v ? FigureFormat.Percent(v) : null;
}
