using System.Globalization;
using NodaTime;
using Upon.Core.Register;
using Upon.Shared.Text;

namespace Upon.Register.Pages.Shared;

/// <summary>How the register pages show dates, lengths, counts, tags and links.</summary>
public static class RegisterFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"1 April 2023".</summary>
    public static string Date(LocalDate date) => Upon.Shared.Text.TextFormat.Date(date);

    /// <summary>"1 April 2019 to 31 March 2023", or "since 1 April 2019" while open.</summary>
    public static string Dates(LocalDate start, LocalDate? end) =>
        end is { } last ? $"{Date(start)} to {Date(last)}" : $"since {Date(start)}";

    /// <summary>The whole years and months from <paramref name="start"/> to <paramref name="lastDay"/>, both inclusive: "4 years, 1 month".</summary>
    public static string YearsAndMonths(LocalDate start, LocalDate lastDay)
    {
        if (lastDay < start)
        {
            return "not started";
        }
        var period = Period.Between(start, lastDay.PlusDays(1), PeriodUnits.Years | PeriodUnits.Months);
        return YearsAndMonths((int)(period.Years * 12 + period.Months));
    }

    /// <summary>"4 years, 1 month", "3 months", "less than a month".</summary>
    public static string YearsAndMonths(int totalMonths)
    {
        var years = totalMonths / 12;
        var months = totalMonths % 12;
        var parts = new List<string>(2);
        if (years > 0)
        {
            parts.Add(TextFormat.Count(years, "year", "years"));
        }
        if (months > 0)
        {
            parts.Add(TextFormat.Count(months, "month", "months"));
        }
        return parts.Count == 0 ? "less than a month" : string.Join(", ", parts);
    }

    /// <summary>"1 day", "30 days".</summary>
    public static string Days(int days) => TextFormat.Count(days, "day", "days");

    /// <summary>The GOV.UK tag colour for appointment types shown as a tag (interim and acting), or null for permanent.</summary>
    public static string? TypeTagClass(AppointmentType type) => type switch
    {
        AppointmentType.Interim => "govuk-tag govuk-tag--yellow",
        AppointmentType.Acting => "govuk-tag govuk-tag--orange",
        _ => null,
    };

    public static string AuthorityUrl(string code) => $"/register/authorities/{Uri.EscapeDataString(code)}";

    public static string PersonUrl(string personId) => $"/register/people/{Uri.EscapeDataString(personId)}";

    public static string EditUrl(int appointmentId) => $"/register/appointments/{appointmentId.ToString(Invariant)}/edit";

    public static string EndUrl(int appointmentId) => $"/register/appointments/{appointmentId.ToString(Invariant)}/end";
}
