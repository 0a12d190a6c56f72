using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Core.Disclosure;
using Upon.Disclosure;

namespace Upon.SessionFeedback.Pages.Staff;

/// <summary>What the staff results pages share: the small-number rule that withholds results over too few answers.</summary>
public abstract class StaffFeedbackPage(FigureDisclosure disclosure) : PageModel
{
    /// <summary>Results are withheld for staff too under this rule: feedback is anonymous.</summary>
    public DisclosureRule Rule => disclosure.Suppression;

    public int Threshold => Rule.Threshold;
}
