using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Upon.Core;
using Upon.Data;
using Upon.Sessions.Pages.Shared;
using Upon.Shared.Forms;
using Upon.Shared.Security;
using Upon.Shared.Text;

namespace Upon.Aspirants.Pages.Staff;

/// <summary>A cohort's settings: window, places, eligibility rules, criteria and scale, reviews per application, questions, taught days, offers.</summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class CohortModel(UponDbContext db, IClock clock, CohortYear.OfferResponse offers) : PageModel
{
    public AspirantCohort Cohort { get; private set; } = null!;

    [BindProperty] public DateInput OpensOn { get; set; } = new();
    [BindProperty] public string? OpensTime { get; set; }
    [BindProperty] public DateInput ClosesOn { get; set; } = new();
    [BindProperty] public string? ClosesTime { get; set; }
    [BindProperty] public int? Places { get; set; }
    [BindProperty] public decimal? MinYearsSenior { get; set; }
    [BindProperty] public int? MaxTiersBelowDcs { get; set; }
    [BindProperty] public bool RequireEndorsement { get; set; }
    [BindProperty] public int? ScaleMin { get; set; }
    [BindProperty] public int? ScaleMax { get; set; }
    [BindProperty] public int? ReviewsPerApplication { get; set; }
    [BindProperty] public int? OfferDeadlineDays { get; set; }
    [BindProperty] public int? CompletionMinTaughtDays { get; set; }
    [BindProperty] public string? Criteria { get; set; }
    [BindProperty] public string? Questions { get; set; }
    [BindProperty] public string? TaughtDays { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        (OpensOn, OpensTime) = ForEntry(Cohort.OpensAt);
        (ClosesOn, ClosesTime) = ForEntry(Cohort.ClosesAt);
        Places = Cohort.Places;
        MinYearsSenior = Cohort.MinYearsSenior;
        MaxTiersBelowDcs = Cohort.MaxTiersBelowDcs;
        RequireEndorsement = Cohort.RequireEndorsement;
        ScaleMin = Cohort.ScaleMin;
        ScaleMax = Cohort.ScaleMax;
        ReviewsPerApplication = Cohort.ReviewsPerApplication;
        OfferDeadlineDays = Cohort.OfferDeadlineDays;
        CompletionMinTaughtDays = Cohort.CompletionMinTaughtDays;
        Criteria = string.Join('\n', Cohort.Criteria.OrderBy(c => c.Order).Select(c => $"{c.Name} = {AspirantsFormat.Number(c.Weight)}"));
        Questions = string.Join('\n', Cohort.Questions.OrderBy(q => q.Order).Select(q => $"{q.Text} | {q.WordLimit}"));
        TaughtDays = string.Join('\n', Cohort.TaughtDays.OrderBy(d => d.Date).Select(d => TextFormat.Date(d.Date)));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var today = clock.GetCurrentInstant().InZone(Time.London).Date;
        var opens = ReadMoment(OpensOn, nameof(OpensOn), OpensTime, nameof(OpensTime), "applications open", LocalTime.Midnight, today);
        var closes = ReadMoment(ClosesOn, nameof(ClosesOn), ClosesTime, nameof(ClosesTime), "applications close", new LocalTime(23, 59), today);
        if (opens is not null && closes is not null && closes <= opens) ModelState.AddModelError(DateInput.ErrorKey(nameof(ClosesOn)), "Applications must close after they open");
        if (Places is not (>= 1 and <= AspirantCohort.MaxPlaces)) ModelState.AddModelError(nameof(Places), $"Enter the number of places, from 1 to {AspirantCohort.MaxPlaces}");
        if (MinYearsSenior is < 0 or > AspirantApplication.MaxYearsSenior) ModelState.AddModelError(nameof(MinYearsSenior), $"Years in a senior role must be from 0 to {AspirantApplication.MaxYearsSenior}");
        if (MaxTiersBelowDcs is < 1 or > 5) ModelState.AddModelError(nameof(MaxTiersBelowDcs), "Tiers below a director must be from 1 to 5");
        if (ScaleMin is not (>= 0 and <= AspirantCohort.MaxScale) || ScaleMax is not (>= 1 and <= AspirantCohort.MaxScale) || ScaleMax <= ScaleMin) ModelState.AddModelError(nameof(ScaleMin), $"The scale runs from a lower to a higher whole number, from 0 to {AspirantCohort.MaxScale}");
        if (ReviewsPerApplication is not (>= 1 and <= AspirantCohort.MaxReviewsPerApplication)) ModelState.AddModelError(nameof(ReviewsPerApplication), $"Reviews per application must be from 1 to {AspirantCohort.MaxReviewsPerApplication}");
        if (OfferDeadlineDays is not (>= 1 and <= AspirantCohort.MaxOfferDeadlineDays)) ModelState.AddModelError(nameof(OfferDeadlineDays), $"Days to accept an offer must be from 1 to {AspirantCohort.MaxOfferDeadlineDays}");
        var criteria = ParseCriteria();
        var questions = ParseQuestions();
        var days = ParseDays(today);
        if (CompletionMinTaughtDays is < 0 || CompletionMinTaughtDays > Math.Max(days.Count, 1)) ModelState.AddModelError(nameof(CompletionMinTaughtDays), $"Taught days attended to complete must be from 0 to the number of taught days ({days.Count}), or empty for the setting Aspirants:Completion:MinTaughtDays");
        if (!ModelState.IsValid) return Page();
        Cohort.CompletionMinTaughtDays = CompletionMinTaughtDays;

        Cohort.OpensAt = opens;
        Cohort.ClosesAt = closes;
        Cohort.Places = Places!.Value;
        Cohort.MinYearsSenior = MinYearsSenior;
        Cohort.MaxTiersBelowDcs = MaxTiersBelowDcs;
        Cohort.RequireEndorsement = RequireEndorsement;
        Cohort.ScaleMin = ScaleMin!.Value;
        Cohort.ScaleMax = ScaleMax!.Value;
        Cohort.ReviewsPerApplication = ReviewsPerApplication!.Value;
        Cohort.OfferDeadlineDays = OfferDeadlineDays!.Value;
        var order = 0;
        foreach (var (name, weight) in criteria)
        {
            var existing = Cohort.Criteria.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            if (existing is null) Cohort.Criteria.Add(existing = new AspirantCriterion { Name = name });
            existing.Name = name;
            existing.Weight = weight;
            existing.Order = ++order;
        }
        var scored = await db.AspirantScores.Where(s => s.Criterion!.CohortId == id).Select(s => s.CriterionId).Distinct().ToListAsync(cancellationToken);
        foreach (var removed in Cohort.Criteria.Where(c => c.Id != 0 && !criteria.Any(n => string.Equals(n.Name, c.Name, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            if (scored.Contains(removed.Id))
            {
                ModelState.AddModelError(nameof(Criteria), $"'{removed.Name}' already has scores: it cannot be removed");
                return Page();
            }
            db.AspirantCriteria.Remove(removed);
        }
        order = 0;
        foreach (var (text, limit) in questions)
        {
            var existing = Cohort.Questions.FirstOrDefault(q => q.Text == text);
            if (existing is null) Cohort.Questions.Add(existing = new AspirantQuestion { Text = text });
            existing.WordLimit = limit;
            existing.Order = ++order;
        }
        var answered = await db.AspirantAnswers.Where(a => a.Question!.CohortId == id).Select(a => a.QuestionId).Distinct().ToListAsync(cancellationToken);
        foreach (var removed in Cohort.Questions.Where(q => q.Id != 0 && !questions.Any(n => n.Text == q.Text)).ToList())
        {
            if (answered.Contains(removed.Id))
            {
                ModelState.AddModelError(nameof(Questions), "A question already answered cannot be removed");
                return Page();
            }
            db.AspirantQuestions.Remove(removed);
        }
        db.AspirantTaughtDays.RemoveRange(Cohort.TaughtDays.Where(d => !days.Contains(d.Date)));
        foreach (var day in days.Where(d => Cohort.TaughtDays.All(t => t.Date != d)))
        {
            Cohort.TaughtDays.Add(new AspirantTaughtDay { Date = day });
        }
        await db.SaveChangesAsync(cancellationToken);
        // Taught days added after applicants began accepting become sessions they are booked on.
        var booked = await offers.BookTaughtDaysAsync(id, cancellationToken);
        TempData["Notice"] = booked > 0 ? $"The cohort's settings were saved and {booked} places on taught days booked" : "The cohort's settings were saved";
        return Redirect($"/aspirants/{id}");
    }

    private static (DateInput Date, string? Time) ForEntry(Instant? at) =>
        at?.InZone(Time.London) is { } london ? (DateInput.From(london.Date), FormInput.TimeText(london.TimeOfDay)) : (new DateInput(), null);

    /// <summary>A moment of the window entered as a London date and an optional time (<paramref name="whenNoTime"/> if left empty).</summary>
    private Instant? ReadMoment(DateInput dateInput, string dateKey, string? timeText, string timeKey, string what, LocalTime whenNoTime, LocalDate today)
    {
        var date = dateInput.Read(ModelState, dateKey, $"Date {what}", required: false);
        if (date is null)
        {
            if (dateInput.IsEmpty && !string.IsNullOrWhiteSpace(timeText)) ModelState.AddModelError(DateInput.ErrorKey(dateKey), $"Enter the date {what}, or clear the time");
            return null;
        }
        if (PlausibleDates.CheckSessionDate(date.Value, today, $"the date {what}") is { } reason)
        {
            ModelState.AddModelError(DateInput.ErrorKey(dateKey), reason);
            return null;
        }
        var time = whenNoTime;
        if (!string.IsNullOrWhiteSpace(timeText))
        {
            if (FormInput.ParseTime(timeText) is not { } entered)
            {
                ModelState.AddModelError(timeKey, $"Enter the time {what} as a time of day, like 09:00");
                return null;
            }
            time = entered;
        }
        return date.Value.At(time).InZoneLeniently(Time.London).ToInstant();
    }

    private List<(string Name, decimal Weight)> ParseCriteria()
    {
        var result = new List<(string, decimal)>();
        foreach (var line in Lines(Criteria))
        {
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            var weight = 1m;
            if (parts[0].Length is 0 or > AspirantCriterion.MaxNameLength || ControlCharacters.Contains(parts[0])
                || (parts.Length == 2 && (!decimal.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out weight) || weight <= 0 || weight > AspirantCriterion.MaxWeight)))
            {
                ModelState.AddModelError(nameof(Criteria), $"Write each criterion on its own line as a name and a weight from 0 to {AspirantCriterion.MaxWeight}, like Leadership = 2");
                return result;
            }
            if (result.Any(r => string.Equals(r.Item1, parts[0], StringComparison.OrdinalIgnoreCase)))
            {
                ModelState.AddModelError(nameof(Criteria), $"'{parts[0]}' is listed twice");
                return result;
            }
            result.Add((parts[0], weight));
        }
        if (result.Count == 0) ModelState.AddModelError(nameof(Criteria), "Enter at least one criterion");
        return result;
    }

    private List<(string Text, int WordLimit)> ParseQuestions()
    {
        var result = new List<(string, int)>();
        foreach (var line in Lines(Questions))
        {
            var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
            var limit = 300;
            if (parts[0].Length is 0 or > AspirantQuestion.MaxTextLength || ControlCharacters.Contains(parts[0])
                || (parts.Length == 2 && (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > AspirantQuestion.MaxWordLimit)))
            {
                ModelState.AddModelError(nameof(Questions), $"Write each question on its own line with its word limit (1 to {AspirantQuestion.MaxWordLimit}) after a bar, like Why now? | 300");
                return result;
            }
            result.Add((parts[0], limit));
        }
        if (result.Count > 8) ModelState.AddModelError(nameof(Questions), "Ask at most 8 questions");
        return result;
    }

    private List<LocalDate> ParseDays(LocalDate today)
    {
        var result = new List<LocalDate>();
        foreach (var line in Lines(TaughtDays))
        {
            if (DayPatterns.Select(p => p.Parse(line)).FirstOrDefault(r => r.Success) is not { } parsed)
            {
                ModelState.AddModelError(nameof(TaughtDays), $"Write each taught day on its own line as a date, like 5 October 2027 ('{line}' is not one)");
                return result;
            }
            var date = parsed.Value;
            if (PlausibleDates.CheckSessionDate(date, today, $"the taught day '{line}'") is { } reason)
            {
                ModelState.AddModelError(nameof(TaughtDays), reason);
                return result;
            }
            if (!result.Contains(date)) result.Add(date);
        }
        if (result.Count > 30) ModelState.AddModelError(nameof(TaughtDays), "Enter at most 30 taught days");
        return result;
    }

    /// <summary>A taught day as the page writes it (5 October 2027), abbreviated (5 Oct 2027), by numbers (5/10/2027) or ISO (2027-10-05).</summary>
    private static readonly LocalDatePattern[] DayPatterns =
        [.. new[] { "d MMMM uuuu", "d MMM uuuu", "d'/'M'/'uuuu", "uuuu'-'MM'-'dd" }.Select(LocalDatePattern.CreateWithInvariantCulture)];

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(100);

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var cohort = await db.AspirantCohorts.Include(c => c.Criteria).Include(c => c.Questions).Include(c => c.TaughtDays).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cohort is null) return false;
        Cohort = cohort;
        return true;
    }
}
