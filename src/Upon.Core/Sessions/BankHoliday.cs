using NodaTime;

namespace Upon.Core.Sessions;

/// <summary>
/// One bank holiday in England and Wales, as GOV.UK publishes it. <see cref="Notes"/> (for example "Substitute day")
/// and <see cref="Bunting"/> are kept so that a calendar written back out is the same as the one read.
/// </summary>
public sealed record BankHoliday(LocalDate Date, string Title)
{
    /// <summary>GOV.UK's notes, such as <c>Substitute day</c>; empty when there are none.</summary>
    public string Notes { get; init; } = "";

    /// <summary>GOV.UK's <c>bunting</c> flag.</summary>
    public bool Bunting { get; init; }
}

/// <summary>The bank holidays file could not be read; the message names the event and field and says why.</summary>
public sealed class BankHolidayFormatException : FormatException
{
    /// <summary>Says why the bank holidays file could not be read.</summary>
    /// <param name="message">Why, in words fit to show.</param>
    public BankHolidayFormatException(string message) : base(message)
    {
    }

    /// <summary>Says why the bank holidays file could not be read, keeping the failure that caused it.</summary>
    /// <param name="message">Why, in words fit to show.</param>
    /// <param name="innerException">The underlying failure.</param>
    public BankHolidayFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Says that the bank holidays file could not be read, without saying why.</summary>
    public BankHolidayFormatException()
    {
    }
}
