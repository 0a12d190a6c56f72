using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upon.Core.Register;
using Upon.Register;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Register.Pages;

/// <summary>Seeding and checking the register for the page tests, and posting forms the way the pages' browsers do.</summary>
internal static class RegisterPageTesting
{
    /// <summary>Adds an appointment through the service (an ended one is retired and planned unless told otherwise).</summary>
    public static async Task<int> SeedAppointmentAsync(
        this UponApp app, string authority, string personId, LocalDate start, LocalDate? end = null,
        AppointmentType type = AppointmentType.Permanent, LeavingReason? reason = null, bool? unplanned = null,
        string givenName = "Test", string? familyName = null, string? email = null)
    {
        var change = new AppointmentChange(authority, personId, givenName, familyName ?? personId, email, type, start, end,
            end is null ? null : reason ?? LeavingReason.Retired, end is null ? null : unplanned ?? false);
        var result = await app.WithScopeAsync(s => s.GetRequiredService<AppointmentService>().AddAsync(change));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}")));
        return result.AppointmentId!.Value;
    }

    public static Task<List<Appointment>> AppointmentsAsync(this UponApp app, string authority) =>
        app.WithScopeAsync(s => s.GetRequiredService<Upon.Data.UponDbContext>().Appointments.AsNoTracking()
            .Include(a => a.Person).Where(a => a.AuthorityCode == authority).OrderBy(a => a.StartDate).ToListAsync());

    public static Task<Appointment?> AppointmentAsync(this UponApp app, int id) =>
        app.WithScopeAsync(s => s.GetRequiredService<Upon.Data.UponDbContext>().Appointments.AsNoTracking()
            .Include(a => a.Person).FirstOrDefaultAsync(a => a.Id == id));

    public static Task<bool> PersonExistsAsync(this UponApp app, string personId) =>
        app.WithScopeAsync(s => s.GetRequiredService<Upon.Data.UponDbContext>().People.AnyAsync(p => p.PersonId == personId));

    /// <summary>Posts a file the way a browser does: multipart, with the page's antiforgery token and any other fields.</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(
        this HttpClient client, string pageUrl, string field, string fileName, byte[] content, string? postUrl = null)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{pageUrl} has no antiforgery token.");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, field, fileName);
        return await client.PostAsync(new Uri(postUrl ?? pageUrl, UriKind.Relative), form);
    }

    /// <summary>The add and edit forms' fields, filled in with a valid open appointment.</summary>
    public static Dictionary<string, string> AppointmentFields(string authority, string personId, LocalDate start, LocalDate? end = null) => new()
    {
        ["AuthorityCode"] = authority,
        ["PersonId"] = personId,
        ["GivenName"] = "Alex",
        ["FamilyName"] = "Jones",
        ["Email"] = "",
        ["Type"] = "permanent",
        ["Start.day"] = start.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Start.month"] = start.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Start.year"] = start.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["End.day"] = end?.Day.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["End.month"] = end?.Month.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["End.year"] = end?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["Reason"] = "",
    };

    public static string Text(this AngleSharp.Dom.IElement? element) =>
        System.Text.RegularExpressions.Regex.Replace(element?.TextContent ?? "", @"\s+", " ").Trim();
}
