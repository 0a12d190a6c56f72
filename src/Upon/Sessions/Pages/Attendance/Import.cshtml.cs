using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Security;
using Upon.Core.Sessions;

namespace Upon.Sessions.Pages.Attendance;

/// <summary>
/// Imports a Microsoft Teams or Zoom attendance report into a session's register in two steps. The upload reads and
/// matches the report and shows what it would do, saving nothing. The confirmation posts the proposed marks back as
/// hidden fields (participant, mark, minutes), which are checked again against the session's register, and saves them
/// all in one transaction, or nothing.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class ImportModel(SessionRegisters registers, AttendanceService attendance) : PageModel
{
    private const long MaxRequestBytes = AttendanceReportParser.MaxBytes + 1024 * 1024;

    /// <summary>What to do with people the report does not mention: leave them as they are.</summary>
    public const string LeaveMissing = "leave";

    /// <summary>What to do with people the report does not mention: mark those not yet marked absent (excused with apologies).</summary>
    public const string MarkMissingAbsent = "absent";

    public SessionRegister Register { get; private set; } = null!;

    public ImportPreview? Preview { get; private set; }

    [BindProperty]
    public IFormFile? ReportFile { get; set; }

    /// <summary>The proposed marks carried from the preview to the confirmation.</summary>
    [BindProperty]
    public List<ProposedField> Proposed { get; set; } = [];

    /// <summary>The people the report did not mention, carried from the preview.</summary>
    [BindProperty]
    public List<string> Missing { get; set; } = [];

    /// <summary><c>teams</c> or <c>zoom</c>: where the marks came from.</summary>
    [BindProperty]
    public string? Source { get; set; }

    /// <summary><see cref="LeaveMissing"/> or <see cref="MarkMissingAbsent"/>.</summary>
    [BindProperty]
    public string? NotInReport { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await registers.LoadAsync(id, cancellationToken) is not { } register)
        {
            return NotFound();
        }
        Register = register;
        return Page();
    }

    /// <summary>Reads and matches the report, and shows what it would do. Saves nothing.</summary>
    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await registers.LoadAsync(id, cancellationToken) is not { } register)
        {
            return NotFound();
        }
        Register = register;
        if (!register.IsOpen)
        {
            ModelState.AddModelError(string.Empty, RegisterModel.WhyClosed(register));
            return Page();
        }
        var file = ReportFile;
        if (file is null || file.Length == 0 && string.IsNullOrEmpty(file.FileName))
        {
            ModelState.AddModelError(nameof(ReportFile), "Select an attendance report");
        }
        else if (!string.Equals(Path.GetExtension(file.FileName), ".csv", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(ReportFile), "The selected file must be a CSV: the attendance report as Teams or Zoom downloads it");
        }
        else if (file.Length == 0)
        {
            ModelState.AddModelError(nameof(ReportFile), "The selected file is empty");
        }
        else if (file.Length > AttendanceReportParser.MaxBytes)
        {
            ModelState.AddModelError(nameof(ReportFile), $"The selected file must be smaller than {AttendanceReportParser.MaxBytes / (1024 * 1024)} MB");
        }
        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }
        try
        {
            await using var stream = file!.OpenReadStream();
            Preview = AttendanceImport.Preview(register, stream);
        }
        catch (AttendanceReportFormatException e)
        {
            ModelState.AddModelError(nameof(ReportFile), e.Line is { } line
                ? string.Create(CultureInfo.InvariantCulture, $"Line {line} of the file: {e.Reason}")
                : e.Reason);
        }
        return Page();
    }

    /// <summary>Saves the previewed marks, checked again against the register, all or nothing.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await registers.LoadAsync(id, cancellationToken) is not { } register)
        {
            return NotFound();
        }
        Register = register;
        if (!register.IsOpen)
        {
            ModelState.AddModelError(string.Empty, RegisterModel.WhyClosed(register));
            return Page();
        }
        if (!AttendanceImport.TryParseSource(Source, out var source))
        {
            ModelState.AddModelError(string.Empty, "The preview did not say whether the report came from Teams or Zoom. Upload the report again");
            return Page();
        }

        var entries = ReadProposed(register);
        var missing = ReadMissing(register, entries);
        var markMissing = NotInReport switch
        {
            MarkMissingAbsent => true,
            LeaveMissing or null or "" => false,
            _ => Fail("Choose whether to leave the people not in the report as they are or to mark them absent"),
        };
        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }
        var absentees = markMissing
            ? missing.Where(l => l.Record is null).Select(l => new MarkEntry(l.Participant.Id, AttendanceRules.MarkForNoShow(l.Apology is not null))).ToList()
            : [];

        var outcome = await attendance.RecordAsync(new RecordMarksOptions { SessionId = id, Marks = [.. entries, .. absentees], Source = source }, cancellationToken);
        switch (outcome.Result)
        {
            case RecordMarksResult.Saved:
                TempData["Success"] = $"{RegisterModel.Saved(outcome)} From the {source.DisplayName()}{NoShows(absentees)}.";
                return Redirect(AttendancePages.Register(id));
            case RecordMarksResult.SessionNotFound:
                return NotFound();
            default:
                Register = await registers.LoadAsync(id, cancellationToken) ?? register;
                ModelState.AddModelError(string.Empty, Register.IsOpen
                    ? "Who is expected changed after the preview. Upload the report again"
                    : RegisterModel.WhyClosed(Register));
                return Page();
        }
    }

    /// <summary>"; not in the report: 2 marked absent, 1 excused (apologies)", or nothing.</summary>
    private static string NoShows(List<MarkEntry> absentees)
    {
        var absent = absentees.Count(a => a.Mark == AttendanceMark.Absent);
        var excused = absentees.Count - absent;
        var parts = new List<string>(2);
        if (absent > 0)
        {
            parts.Add($"{absent} marked absent");
        }
        if (excused > 0)
        {
            parts.Add($"{excused} excused (apologies)");
        }
        return parts.Count == 0 ? "" : $"; not in the report: {string.Join(", ", parts)}";
    }

    /// <summary>The proposed marks posted back, each checked against the register; errors name the row and the person.</summary>
    private List<MarkEntry> ReadProposed(SessionRegister register)
    {
        var entries = new List<MarkEntry>();
        var seen = new HashSet<int>();
        for (var i = 0; i < Proposed.Count; i++)
        {
            var field = Proposed[i];
            var row = i + 1;
            var line = int.TryParse(field.ParticipantId, NumberStyles.None, CultureInfo.InvariantCulture, out var participantId) ? register.Find(participantId) : null;
            if (line is null)
            {
                Fail($"Proposed mark {row} is for someone not expected at this session. Upload the report again");
                continue;
            }
            var name = line.Participant.FullName;
            if (!seen.Add(participantId))
            {
                Fail($"{name} has two proposed marks. Upload the report again");
                continue;
            }
            if (!SessionCodes.TryParseMark(field.Mark, out var mark))
            {
                Fail($"The proposed mark for {name} is not present, late, left early, excused or absent. Upload the report again");
                continue;
            }
            int? minutes = null;
            if (!string.IsNullOrWhiteSpace(field.Minutes))
            {
                if (!int.TryParse(field.Minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > AttendanceService.MaxMinutes)
                {
                    Fail($"The minutes for {name} must be a whole number from 0 to {AttendanceService.MaxMinutes:N0}. Upload the report again");
                    continue;
                }
                minutes = value;
            }
            entries.Add(new MarkEntry(participantId, mark, minutes));
        }
        return entries;
    }

    /// <summary>The people the preview said the report does not mention, checked against the register.</summary>
    private List<RegisterLine> ReadMissing(SessionRegister register, List<MarkEntry> proposed)
    {
        var lines = new List<RegisterLine>();
        foreach (var value in Missing.Distinct(StringComparer.Ordinal))
        {
            var line = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var participantId) ? register.Find(participantId) : null;
            if (line is null || proposed.Any(p => p.ParticipantId == participantId))
            {
                Fail("Someone listed as not in the report is not expected at this session, or also has a proposed mark. Upload the report again");
                continue;
            }
            lines.Add(line);
        }
        return lines;
    }

    private bool Fail(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        return false;
    }
}

/// <summary>One proposed mark as the confirmation form posts it back.</summary>
public sealed class ProposedField
{
    public string? ParticipantId { get; set; }
    public string? Mark { get; set; }
    public string? Minutes { get; set; }
}
