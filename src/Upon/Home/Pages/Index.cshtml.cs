using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Upon.Home.Pages;

public class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
