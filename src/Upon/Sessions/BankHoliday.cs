using NodaTime;

namespace Upon.Sessions;

/// <summary>An England and Wales bank holiday, from the GOV.UK bank holidays feed.</summary>
public class BankHoliday
{
    public LocalDate Date { get; set; }
    public required string Title { get; set; }
}
