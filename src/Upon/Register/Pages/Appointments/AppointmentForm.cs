using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core.Register;
using Upon.Data;
using Upon.Register.Pages.Shared;
using Upon.Shared.Forms;
using Upon.Shared.Text;

namespace Upon.Register.Pages.Appointments;

/// <summary>
/// The fields of the add and edit forms, posted without a prefix (<c>AuthorityCode</c>, <c>Start.day</c>, ...) so that the
/// field names, ids and model state keys are the ones <see cref="AppointmentService"/> uses for its errors.
/// </summary>
public sealed class AppointmentForm
{
    public const int MaxPersonIdLength = 64;
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 320;

    /// <summary>The form's fields in the order they appear.</summary>
    public static readonly IReadOnlyList<string> Fields =
        ["AuthorityCode", "PersonId", "GivenName", "FamilyName", "Email", "Type", "Start", "End", "Reason", "Unplanned"];

    /// <summary>The model state keys of <see cref="Fields"/> in page order, for the error summary (<c>ViewData["ErrorOrder"]</c>).</summary>
    public static readonly IReadOnlyList<string> ErrorOrder = FormFieldErrors.ErrorOrder(Fields, "Start", "End");

    public static readonly IReadOnlyList<Choice> TypeChoices =
        [.. RegisterCodes.AppointmentTypeCodes.Select(code => new Choice(code, Label(code)))];

    public static readonly IReadOnlyList<Choice> ReasonChoices =
        [.. RegisterCodes.LeavingReasonCodes.Select(code => new Choice(code, RegisterCodes.TryParseLeavingReason(code, out var r) ? r.ToLabel() : code))];

    public static readonly IReadOnlyList<Choice> YesNoChoices = [new("yes", "Yes"), new("no", "No")];

    public string? AuthorityCode { get; set; }
    public string? PersonId { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? Email { get; set; }
    public string? Type { get; set; }
    public DateInput Start { get; set; } = new();
    public DateInput End { get; set; } = new();
    public string? Reason { get; set; }
    public string? Unplanned { get; set; }

    public static AppointmentForm From(Appointment appointment) => new()
    {
        AuthorityCode = appointment.AuthorityCode,
        PersonId = appointment.Person?.PersonId,
        GivenName = appointment.Person?.GivenName,
        FamilyName = appointment.Person?.FamilyName,
        Email = appointment.Person?.Email,
        Type = appointment.Type.ToCode(),
        Start = DateInput.From(appointment.StartDate),
        End = DateInput.From(appointment.EndDate),
        Reason = appointment.LeavingReason?.ToCode(),
        Unplanned = YesNo(appointment.Unplanned),
    };

    /// <summary>
    /// Checks what can be checked without the register (required fields, lengths, real dates, known codes), replacing the
    /// model state with the problems in form order; returns the change when there are none.
    /// </summary>
    public AppointmentChange? Validate(ModelStateDictionary modelState)
    {
        modelState.Clear();
        var authorityCode = AuthorityCode?.Trim() ?? "";
        if (authorityCode.Length == 0)
        {
            modelState.AddModelError(nameof(AuthorityCode), "Select an authority");
        }
        var personId = PersonId?.Trim() ?? "";
        if (personId.Length == 0)
        {
            modelState.AddModelError(nameof(PersonId), "Enter the person's identifier");
        }
        else if (personId.Length > MaxPersonIdLength)
        {
            modelState.AddModelError(nameof(PersonId), $"Identifier must be {MaxPersonIdLength} characters or fewer");
        }
        var givenName = RequiredName(modelState, nameof(GivenName), GivenName, "given name", "Given name");
        var familyName = RequiredName(modelState, nameof(FamilyName), FamilyName, "family name", "Family name");
        var email = Email?.Trim() ?? "";
        if (email.Length > MaxEmailLength)
        {
            modelState.AddModelError(nameof(Email), $"Email address must be {MaxEmailLength} characters or fewer");
        }
        else if (email.Length > 0 && !EmailAddresses.IsValid(email))
        {
            modelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.org");
        }
        if (!RegisterCodes.TryParseAppointmentType(Type, out var type))
        {
            modelState.AddModelError(nameof(Type), "Select the type of appointment");
        }
        var start = Start.Read(modelState, nameof(Start), "Start date", required: true);
        var end = End.Read(modelState, nameof(End), "End date", required: false);
        var reason = ReadReason(modelState, nameof(Reason), Reason, required: false);
        var unplanned = ReadYesNo(modelState, nameof(Unplanned), Unplanned, required: false);
        if (modelState.ErrorCount > 0 || start is null)
        {
            return null;
        }
        return new AppointmentChange(authorityCode, personId, givenName, familyName, email.Length > 0 ? email : null,
            type, start.Value, end, reason, unplanned);
    }

    /// <summary>
    /// Records the service's field-keyed errors: date errors go to the day field (<c>Start.day</c>, so the
    /// summary links to <c>#Start-day</c>) and a key the form does not have goes to <paramref name="fallback"/>.
    /// </summary>
    public static void AddServiceErrors(ModelStateDictionary modelState, IReadOnlyDictionary<string, string> errors, IReadOnlyCollection<string>? fields = null, string fallback = "Start")
    {
        fields ??= Fields;
        foreach (var (key, value) in errors)
        {
            var field = fields.Contains(key) ? key : fallback;
            var message = value.TrimEnd().TrimEnd('.');
            modelState.AddModelError(field is "Start" or "End" ? DateInput.ErrorKey(field) : field, message);
        }
    }

    /// <summary>Every authority, by name, the ceased ones labelled "(ceased 2023)" so that history can be added too.</summary>
    public static async Task<IReadOnlyList<Choice>> AuthorityChoicesAsync(UponDbContext db, LocalDate today, CancellationToken cancellationToken)
    {
        var authorities = await db.Authorities.AsNoTracking()
            .Select(a => new { a.Code, a.Name, a.OperatingTo })
            .ToListAsync(cancellationToken);
        return [.. authorities
            .OrderBy(a => a.OperatingTo is { } to && to < today)
            .ThenBy(a => a.Name, StringComparer.InvariantCultureIgnoreCase)
            .ThenBy(a => a.Code, StringComparer.Ordinal)
            .Select(a => new Choice(a.Code, a.OperatingTo is { } to && to < today ? $"{a.Name} (ceased {to.Year})" : a.Name))];
    }

    /// <summary>A leaving reason code from a select, or null when none was chosen.</summary>
    public static LeavingReason? ReadReason(ModelStateDictionary modelState, string key, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                modelState.AddModelError(key, "Select a leaving reason");
            }
            return null;
        }
        if (RegisterCodes.TryParseLeavingReason(value, out var reason))
        {
            return reason;
        }
        modelState.AddModelError(key, "Select a leaving reason from the list");
        return null;
    }

    /// <summary>"yes" or "no" from radios, or null when neither was chosen.</summary>
    public static bool? ReadYesNo(ModelStateDictionary modelState, string key, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                modelState.AddModelError(key, "Select yes if the departure was unplanned");
            }
            return null;
        }
        if (RegisterCodes.TryParseYesNo(value, out var flag))
        {
            return flag;
        }
        modelState.AddModelError(key, "Select yes or no");
        return null;
    }

    public static string? YesNo(bool? value) => value switch
    {
        true => "yes",
        false => "no",
        null => null,
    };

    private static string RequiredName(ModelStateDictionary modelState, string key, string? value, string what, string label)
    {
        var name = value?.Trim() ?? "";
        if (name.Length == 0)
        {
            modelState.AddModelError(key, $"Enter a {what}");
        }
        else if (name.Length > MaxNameLength)
        {
            modelState.AddModelError(key, $"{label} must be {MaxNameLength} characters or fewer");
        }
        return name;
    }

    private static string Label(string typeCode) =>
        RegisterCodes.TryParseAppointmentType(typeCode, out var type) ? type.ToLabel() : typeCode;
}

/// <summary>What the shared fields partial shows: the form and the authorities to choose from.</summary>
public sealed record AppointmentFields(AppointmentForm Form, IReadOnlyList<Choice> Authorities);
