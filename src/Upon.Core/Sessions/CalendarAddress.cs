namespace Upon.Core.Sessions;

/// <summary>A person an emailed event names, as ORGANIZER or ATTENDEE: an email address and, optionally, a name (CN).</summary>
/// <param name="Email">The address, written as a <c>mailto:</c> URI.</param>
/// <param name="Name">The name shown for it, or null.</param>
public sealed record CalendarAddress(string Email, string? Name = null);
