using Microsoft.AspNetCore.Authorization;
using Upon.Shared.Security;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Upon.Shared.Text;

namespace Upon.Register.Pages.Export;

/// <summary>Every appointment as a CSV file in the upload format, so that a download can be edited and uploaded again.</summary>
[Authorize(Policy = Policies.Staff)]
public class IndexModel(RegisterQueries queries) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var appointments = new List<Appointment>();
        await foreach (var appointment in queries.AllAppointments().WithCancellation(cancellationToken))
        {
            appointments.Add(appointment);
        }

        // The CSV writer is synchronous and the server only allows asynchronous writes: buffer (in memory, then on disk
        // for a large register) and copy the buffer out asynchronously.
        await using var buffer = new FileBufferingWriteStream();
        await using (var writer = new StreamWriter(buffer, TextEncodings.Utf8NoBom, leaveOpen: true))
        {
            AppointmentCsv.Write(writer, appointments);
        }

        var fileName = $"upon-appointments-{queries.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.ContentLength = buffer.Length;
        await buffer.DrainBufferAsync(Response.Body, cancellationToken);
        return new EmptyResult();
    }
}
