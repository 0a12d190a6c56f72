using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upon.Audit;
using Upon.Data;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Sessions;

/// <summary>Helpers for the attendance tests: posting a page's own form back, and reading the audit log.</summary>
public static class AttendanceTesting
{
    /// <summary>A session last Friday, 20 November 2026, 14:00 to 16:00 London time: over by the test clock (25 November, noon).</summary>
    public static readonly LocalDateTime LastFriday = new(2026, 11, 20, 14, 0);

    /// <summary>
    /// Posts the form matched by <paramref name="selector"/> the way a browser would: its hidden fields (antiforgery
    /// token included), its checked radios, then <paramref name="changes"/> on top (a null value removes the field).
    /// A form without an action posts to <paramref name="pageUrl"/>, the address the page was read from.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IDocument page, string pageUrl, string selector, IDictionary<string, string?>? changes = null)
    {
        var form = page.QuerySelector(selector) ?? throw new InvalidOperationException($"The page has no form {selector}.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[name]"))
        {
            var type = input.GetAttribute("type");
            if (type is "hidden" || (type is "radio" or "checkbox" && input.HasAttribute("checked")))
            {
                fields.Add(new(input.GetAttribute("name")!, input.GetAttribute("value") ?? ""));
            }
        }
        foreach (var (name, value) in changes ?? new Dictionary<string, string?>())
        {
            fields.RemoveAll(f => f.Key == name);
            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }
        var action = form.GetAttribute("action");
        var url = string.IsNullOrEmpty(action) ? pageUrl : action;
        return await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    /// <summary>The audit events written about attendance records of these ids.</summary>
    public static Task<List<AuditEvent>> AuditOfMarksAsync(UponApp app, IEnumerable<int> recordIds)
    {
        var ids = recordIds.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == "AttendanceRecord" && ids.Contains(e.EntityId!)).OrderBy(e => e.Id).ToListAsync());
    }

    /// <summary>Text with each run of white space made one space, as a reader sees it.</summary>
    public static string Squash(string? text) => System.Text.RegularExpressions.Regex.Replace(text ?? "", @"\s+", " ").Trim();

    /// <summary>The text of a table's body rows, cell by cell, header cells included.</summary>
    public static List<List<string>> Rows(this IElement table) =>
        [.. table.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => Squash(c.TextContent)).ToList())];
}
