using Microsoft.AspNetCore.Authorization;
using Upon.Shared.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Upon.Register.Pages.Shared;
using Upon.Shared.Forms;

namespace Upon.Register.Pages.People;

/// <summary>A person's career as DCS across authorities.</summary>
[Authorize(Policy = Policies.Staff)]
public class DetailsModel(RegisterQueries queries) : PageModel
{
    public Person Person { get; private set; } = null!;

    public IReadOnlyList<TimelineItem> Career { get; private set; } = [];

    public LocalDate Today { get; private set; }

    public string TotalTime { get; private set; } = "";

    public int AuthorityCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string personId, CancellationToken cancellationToken)
    {
        // Routing leaves an encoded slash encoded: identifiers such as "DCS/0123" arrive as "DCS%2F0123".
        var id = personId.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        if (await queries.PersonAsync(id, cancellationToken) is not { } person)
        {
            return NotFound();
        }
        Person = person;
        Today = queries.Today;
        Career = Timeline.ForPerson(person);
        TotalTime = RegisterFormat.YearsAndMonths(Timeline.TotalMonths(person.Appointments, Today));
        AuthorityCount = person.Appointments.Select(a => a.AuthorityCode).Distinct().Count();
        return Page();
    }
}
