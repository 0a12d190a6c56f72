using NodaTime.Text;
using Upon.Core.Register;

namespace Upon.Core.Tests.Register;

/// <summary>Short helpers for building register facts in tests.</summary>
internal static class RegisterData
{
    public static LocalDate Date(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    public static FinancialYear Year(string label) => FinancialYear.Parse(label);

    public static AppointmentFact Permanent(
        string authority, string person, string start, string? end = null, bool? unplanned = null) =>
        Appointment(authority, person, AppointmentType.Permanent, start, end, unplanned);

    public static AppointmentFact Interim(
        string authority, string person, string start, string? end = null, bool? unplanned = null) =>
        Appointment(authority, person, AppointmentType.Interim, start, end, unplanned);

    public static AppointmentFact Acting(
        string authority, string person, string start, string? end = null, bool? unplanned = null) =>
        Appointment(authority, person, AppointmentType.Acting, start, end, unplanned);

    public static AppointmentFact Appointment(
        string authority, string person, AppointmentType type, string start, string? end = null, bool? unplanned = null) =>
        new(authority, person, type, Date(start), end is null ? null : Date(end), Unplanned: unplanned);

    public static AuthorityFact Authority(string code, string? from = null, string? to = null) =>
        new(code, new OperatingPeriod(from is null ? null : Date(from), to is null ? null : Date(to)));

    /// <summary>A calculator over the appointments, with every authority they mention always in operation.</summary>
    public static TurnoverCalculator Calculator(params AppointmentFact[] appointments) =>
        new([.. appointments.Select(a => a.AuthorityCode).Distinct().Select(c => Authority(c))], appointments);

    public static TurnoverFigures Figures(string year, params AppointmentFact[] appointments) =>
        Calculator(appointments).ForYear(Year(year));
}
