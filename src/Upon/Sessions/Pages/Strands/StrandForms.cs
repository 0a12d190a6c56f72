using Microsoft.AspNetCore.Mvc.ModelBinding;
using Upon.Shared.Forms;
using Upon.Sessions.Pages.Shared;

namespace Upon.Sessions.Pages.Strands;

/// <summary>The strand form: name, web address name (only when adding), summary, and whether it runs in cohorts.</summary>
public sealed class StrandForm
{
    public static readonly IReadOnlyList<string> ErrorOrder = ["", nameof(Name), nameof(Slug), nameof(Summary), nameof(HasCohorts)];

    public static readonly IReadOnlyList<Choice> YesNo = [new("yes", "Yes, annual cohorts (like Aspirant Directors)"), new("no", "No, people join at any time (like New Directors)")];

    public string? Name { get; set; }
    public string? Slug { get; set; }
    public string? Summary { get; set; }

    /// <summary><c>yes</c> or <c>no</c>.</summary>
    public string? HasCohorts { get; set; }

    public static StrandForm From(Strand strand)
    {
        ArgumentNullException.ThrowIfNull(strand);
        return new StrandForm { Name = strand.Name, Slug = strand.Slug, Summary = strand.Summary, HasCohorts = strand.HasCohorts ? "yes" : "no" };
    }

    /// <summary>Checks the fields (the slug too when <paramref name="withSlug"/>), replacing the model state with its problems.</summary>
    public StrandDetails? Validate(ModelStateDictionary modelState, bool withSlug)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        modelState.Clear();
        var name = FormInput.Required(modelState, nameof(Name), Name, Strand.MaxNameLength, "Enter the strand's name", "Name");
        if (withSlug)
        {
            var slug = FormInput.Clean(Slug).ToLowerInvariant();
            if (slug.Length == 0)
            {
                modelState.AddModelError(nameof(Slug), "Enter a web address name");
            }
            else if (!StrandService.IsSlug(slug))
            {
                modelState.AddModelError(nameof(Slug), $"Enter a web address name of up to {Strand.MaxSlugLength} lower-case letters, numbers and hyphens, like new-directors");
            }
            Slug = slug;
        }
        var summary = FormInput.Optional(modelState, nameof(Summary), Summary, Strand.MaxSummaryLength, "Summary");
        if (HasCohorts is not ("yes" or "no"))
        {
            modelState.AddModelError(nameof(HasCohorts), "Select whether the strand runs in cohorts");
        }
        return modelState.ErrorCount > 0 ? null : new StrandDetails(name, summary, HasCohorts == "yes");
    }
}

/// <summary>The cohort form: its name and the dates it runs.</summary>
public sealed class CohortForm
{
    public static readonly IReadOnlyList<string> ErrorOrder = FormFieldErrors.ErrorOrder(["", nameof(Name), nameof(StartsOn), nameof(EndsOn)], nameof(StartsOn), nameof(EndsOn));

    public string? Name { get; set; }
    public DateInput StartsOn { get; set; } = new();
    public DateInput EndsOn { get; set; } = new();

    public static CohortForm From(Cohort cohort)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        return new CohortForm { Name = cohort.Name, StartsOn = DateInput.From(cohort.StartsOn), EndsOn = DateInput.From(cohort.EndsOn) };
    }

    public CohortDetails? Validate(ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        modelState.Clear();
        var name = FormInput.Required(modelState, nameof(Name), Name, Cohort.MaxNameLength, "Enter the cohort's name", "Name");
        var starts = StartsOn.Read(modelState, nameof(StartsOn), "Start date", required: true);
        var ends = EndsOn.Read(modelState, nameof(EndsOn), "End date", required: true);
        if (starts is { } s && ends is { } e && e < s)
        {
            modelState.AddModelError(DateInput.ErrorKey(nameof(EndsOn)), "End date must be on or after the start date");
        }
        return modelState.ErrorCount > 0 || starts is null || ends is null ? null : new CohortDetails(name, starts.Value, ends.Value);
    }
}

/// <summary>Records a service's errors under their form fields.</summary>
public static class StrandFormErrors
{
    public static void Add(ModelStateDictionary modelState, IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (key, message) in errors)
        {
            modelState.AddModelError(key, message);
        }
    }
}

/// <summary>What the strand fields partial shows.</summary>
public sealed record StrandFieldsView(StrandForm Form, bool WithSlug);
