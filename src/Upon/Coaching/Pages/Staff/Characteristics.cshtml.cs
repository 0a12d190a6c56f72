using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Audit;
using Upon.Core.Coaching;
using Upon.Data;
using Upon.Shared.Security;

namespace Upon.Coaching.Pages.Staff;

/// <summary>
/// The characteristics a participant may ask their coach to share and a coach may consent to be matched on: the fixed
/// list, and staff's additions, which this page adds to (a slug and a label). Requests, profiles and the imports read
/// the same list (<see cref="CoachingVocabulary"/>). A characteristic is never removed: requests and consents name it.
/// </summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class CharacteristicsModel(UponDbContext db, CoachingVocabulary vocabulary, AuditLog audit) : PageModel
{
    public const int LabelMaxLength = 100;
    public const string AuditAction = "CoachingCharacteristicAdded";

    public static readonly IReadOnlyList<string> ErrorOrder = [nameof(Slug), nameof(Label)];

    /// <summary>Every characteristic with how it is shown: the fixed list first.</summary>
    public IReadOnlyList<(string Code, string Label, bool Added)> All { get; private set; } = [];

    [BindProperty] public string? Slug { get; set; }
    [BindProperty] public string? Label { get; set; }
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var slug = Slug?.Trim() ?? "";
        var label = Label?.Trim() ?? "";
        if (slug.Length == 0) ModelState.AddModelError(nameof(Slug), "Enter a slug, like neurodivergent");
        else if (!Characteristics.IsWellFormed(slug))
            ModelState.AddModelError(nameof(Slug), $"The slug must be lower-case letters, digits and single hyphens, {Characteristics.MaxCodeLength} characters or fewer, like first-generation");
        else if ((await vocabulary.CharacteristicsAsync(cancellationToken)).Contains(slug, StringComparer.Ordinal))
            ModelState.AddModelError(nameof(Slug), "This characteristic is already on the list");
        if (label.Length == 0) ModelState.AddModelError(nameof(Label), "Enter a label, as people will read it");
        else if (label.Length > LabelMaxLength) ModelState.AddModelError(nameof(Label), $"The label must be {LabelMaxLength} characters or fewer");
        if (ModelState.ErrorCount > 0)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.CoachingCharacteristics.Add(new CoachingCharacteristic { Code = slug, Label = label });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditAction, nameof(CoachingCharacteristic), slug, label, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Notice = $"Added '{label}' ({slug}): participants can ask for it and coaches can consent to it.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var added = await db.CoachingCharacteristics.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
        All = [.. Characteristics.Standard.Select(c => (c, Characteristics.Describe(c), false)),
               .. added.Where(c => !Characteristics.Standard.Contains(c.Code)).Select(c => (c.Code, c.Label, true))];
    }
}
