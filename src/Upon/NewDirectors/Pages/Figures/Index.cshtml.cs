using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Upon.Shared.Security;
using Upon.Core;
using Upon.Core.Disclosure;
using Upon.Core.NewDirectors;
using Upon.Core.Register;
using Upon.Disclosure;

namespace Upon.NewDirectors.Pages.Figures;

/// <summary>One of the year's figures: its JSON field name, what it is called, its value as shown and its definition.</summary>
/// <param name="Field">The camelCase field name of <see cref="InvitationYearFigures"/> (the <c>data-figure</c> attribute).</param>
/// <param name="Value">The value as shown: null when the figure is not available; suppressed when it is.</param>
/// <param name="DataValue">The value exactly as the JSON gives it (the <c>data-value</c> attribute); empty for null and suppressed.</param>
public sealed record FigureRow(string Field, string Title, Disclosed<string?> Value, string DataValue, string Definition);

/// <summary>
/// The New Directors invitation figures of one financial year, with their definitions, and every year's table. Staff also
/// see the year's first-time directors one by one; the funder sees only the figures, with small numbers suppressed
/// (<see cref="FigureDisclosure"/>), and never a person.
/// </summary>
[Authorize(Policy = Policies.Aggregates)]
public sealed class IndexModel(InvitationReport report, FigureDisclosure disclosure, InvitationFigureCache invitations, Upon.Shared.Figures.FigureReader figureReader) : PageModel
{
    /// <summary>The key the page's figures are rendered under, once per change of them and per view (<see cref="Upon.Shared.Figures.FigureReader.FragmentKey"/>).</summary>
    public string FragmentKey => figureReader.FragmentKey(HttpContext, SeesExactFigures ? "exact" : "disclosed");

    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>How the page shows a suppressed figure: "c" in square brackets, the Government Statistical Service's symbol.</summary>
    public const string SuppressedSymbol = "[" + Disclosed.Symbol + "]";

    /// <summary>The rule the figures on the page are disclosed under: none for staff.</summary>
    public DisclosureRule Rule { get; private set; } = DisclosureRule.None;

    /// <summary>The rule for the funder, which staff are told about.</summary>
    public DisclosureRule FunderRule => disclosure.Suppression;

    public bool SeesExactFigures { get; private set; }

    /// <summary>Every year's figures, oldest first.</summary>
    public IReadOnlyList<DisclosedInvitationYearFigures> AllYears { get; private set; } = [];

    public LocalDate Today { get; private set; }

    public FinancialYear CurrentYear { get; private set; }

    /// <summary>The year shown; null when the year asked for is not a financial year or there are no figures.</summary>
    public FinancialYear? Year { get; private set; }

    public DisclosedInvitationYearFigures? Figures { get; private set; }

    public IReadOnlyList<FigureRow> Rows { get; private set; } = [];

    /// <summary>The year's first-time directors, for staff only: always null for anyone who sees suppressed figures.</summary>
    public IReadOnlyList<FirstTimeDirector>? Directors { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? year, CancellationToken cancellationToken)
    {
        SeesExactFigures = FigureDisclosure.SeesExactFigures(User);
        Rule = disclosure.RuleFor(User);
        Today = report.Today;
        CurrentYear = FinancialYear.Containing(Today);
        // Computed once per change of the register and the invitations (the figure cache): every year's figures and the staff list.
        var directors = await invitations.FirstTimeDirectorsAsync(cancellationToken);
        AllYears = await invitations.DisclosedYearsAsync(Rule, cancellationToken);

        FinancialYear chosen;
        if (!string.IsNullOrEmpty(year))
        {
            if (!FinancialYear.TryParse(year, out chosen))
            {
                ModelState.AddModelError("year", "Select a financial year from the list, like 2023-24");
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
            if (!AllYears.Any(f => f.FinancialYear == chosen.Label))
            {
                return NotFound();
            }
        }
        else if (AllYears.Count == 0)
        {
            return Page();
        }
        else
        {
            // The year to date by default: invitations are news, and the register's past was never invited.
            chosen = AllYears.Any(f => f.FinancialYear == CurrentYear.Label) ? CurrentYear : FinancialYear.Parse(AllYears[^1].FinancialYear);
        }

        Year = chosen;
        Figures = AllYears.Single(f => f.FinancialYear == chosen.Label);
        Rows = BuildRows(Figures);
        if (SeesExactFigures)
        {
            Directors = [.. directors.Where(d => chosen.Contains(d.Fact.Start))];
        }
        // Rendered only when the browser's copy is out of date.
        return figureReader.PageNotModified(HttpContext) ? StatusCode(StatusCodes.Status304NotModified) : Page();
    }

    public string YearName(string label) => FigureFormat.Year(label, label == CurrentYear.Label);

    public static string Date(LocalDate date) => Upon.Shared.Text.TextFormat.Date(date);

    public static string Number(int value) => value.ToString("N0", Culture);

    /// <summary>A rate (0.4545) as a percentage ("45.5%"): <see cref="FigureFormat.Percent"/>.</summary>
    public static string Percent(double rate) => FigureFormat.Percent(rate);

    /// <summary>A median in days ("3.5"): <see cref="FigureFormat.Average"/>.</summary>
    public static string Days(double days) => FigureFormat.Average(days);

    /// <summary>The value as the JSON writes it, for <c>data-value</c>: empty for null, and for a suppressed figure.</summary>
    public static string Raw<T>(Disclosed<T> value) => value.IsSuppressed ? "" : value.ToString();

    /// <summary>The counts a rule suppresses, for sentences: "1 to 4" for the usual threshold, "1" for a threshold of 2.</summary>
    public static string SmallCounts(DisclosureRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Threshold == 2 ? "1" : $"1 to {Number(rule.Threshold - 1)}";
    }

    /// <summary>How late the register was told: "told 5 days late", "told on the start date", "told 3 days before".</summary>
    public static string Told(FirstPostFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return fact.DaysRecordedAfterStart switch
        {
            null => "not known",
            0 => "told on the start date",
            1 => "told 1 day late",
            -1 => "told 1 day before",
            int n when n > 1 => $"told {Number(n)} days late",
            int n => $"told {Number(-n)} days before",
        };
    }

    /// <summary>Whether the director was invited within 14 days of the start, or can still be.</summary>
    public string Within14Days(FirstTimeDirector director)
    {
        ArgumentNullException.ThrowIfNull(director);
        return director.Fact.Invited
            ? director.Fact.InvitedWithin14Days ? "Yes" : "No"
            : Today <= director.DueBy ? $"Not yet: due by {Date(director.DueBy)}" : "No";
    }

    /// <summary>The answer, or where the invitation stands.</summary>
    public static string Answer(FirstTimeDirector director)
    {
        ArgumentNullException.ThrowIfNull(director);
        return director.Fact.Outcome switch
        {
            InvitationOutcome.Accepted => "Accepted",
            InvitationOutcome.Declined => director.DeclinedInConversation ? "Declined in conversation" : "Declined",
            InvitationOutcome.Awaiting => "Awaiting answer",
            InvitationOutcome.Expired => "Expired without an answer",
            InvitationOutcome.Withdrawn => "Withdrawn",
            _ => director.Status is null ? "No invitation" : "Not sent yet",
        };
    }

    /// <summary>The definitions, as in the README and <see cref="InvitationYearFigures"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string> Definitions = new Dictionary<string, string>
    {
        ["firstTimeDirectors"] = "People whose earliest DCS appointment anywhere in the register starts in the year. Interim and acting posts count. Each person counts once, even if they started two shared posts on the same day.",
        ["invited"] = "Of the first-time directors, those sent an invitation for their first post, by the register or by staff by hand, whatever became of it since.",
        ["invitedWithin14Days"] = "Of those invited, those first sent it on or before their start date plus 14 days. The days count from the start date even when the register was told of the appointment after it.",
        ["invitedWithin14DaysRate"] = "Invited within 14 days divided by first-time directors (not by those invited). Not available when there are none. In the year to date, directors whose 14 days have not run out yet are counted, so the rate can still rise.",
        ["medianDaysToInvitation"] = "The median number of days from the start date to the day the invitation was first sent, over those invited: with an even number of them, the mean of the middle two. Not available when nobody was invited.",
        ["accepted"] = "First-time directors who accepted their invitation.",
        ["declined"] = "First-time directors who declined, from the link or in conversation with the programme team.",
        ["awaitingAnswer"] = "First-time directors whose invitation was sent, is not answered and has not expired (its link works for 28 days). An expired or withdrawn invitation counts as invited, but not as awaiting an answer.",
        ["recordedLate"] = "First-time directors whose first post the register was told of after its start date.",
        ["medianDaysRecordedLate"] = "The median number of days from the start date to the day the register was told, over those recorded late. Not available when none was.",
    };

    private static List<FigureRow> BuildRows(DisclosedInvitationYearFigures f)
    {
        FigureRow Count(string field, string title, Disclosed<int> value) =>
            new(field, title, value.Select<string?>(Number), Raw(value), Definitions[field]);
        FigureRow Rate(string field, string title, Disclosed<double?> value) =>
            new(field, title, value.Select(r => r is { } rate ? Percent(rate) : null), Raw(value), Definitions[field]);
        FigureRow Median(string field, string title, Disclosed<double?> value) =>
            new(field, title, value.Select(d => d is { } days ? Days(days) + (days == 1 ? " day" : " days") : null), Raw(value), Definitions[field]);
        return
        [
            Count("firstTimeDirectors", "First-time directors", f.FirstTimeDirectors),
            Count("invited", "Invited", f.Invited),
            Count("invitedWithin14Days", "Invited within 14 days", f.InvitedWithin14Days),
            Rate("invitedWithin14DaysRate", "Invited within 14 days, as a share of first-time directors", f.InvitedWithin14DaysRate),
            Median("medianDaysToInvitation", "Median days to invitation", f.MedianDaysToInvitation),
            Count("accepted", "Accepted", f.Accepted),
            Count("declined", "Declined", f.Declined),
            Count("awaitingAnswer", "Awaiting an answer", f.AwaitingAnswer),
            Count("recordedLate", "Register told after the start date", f.RecordedLate),
            Median("medianDaysRecordedLate", "Median days the register was told late", f.MedianDaysRecordedLate),
        ];
    }
}
