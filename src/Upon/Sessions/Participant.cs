using NodaTime;
using Upon.Accounts;
using Upon.Register;

namespace Upon.Sessions;

/// <summary>
/// Someone on the programme. They may have an account (<see cref="UserId"/>) and may be a director in the register
/// (<see cref="PersonKey"/>). Their private calendar feed is reached by a secret kept only as its hash.
/// </summary>
public class Participant
{
    public int Id { get; set; }
    public string? UserId { get; set; }
    public UponUser? User { get; set; }
    public int? PersonKey { get; set; }
    public Person? Person { get; set; }
    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }
    public required string Email { get; set; }
    public string? CalendarTokenHash { get; set; }
    public Instant? CalendarTokenCreatedAt { get; set; }
    public Instant CreatedAt { get; set; }
    public List<Enrolment> Enrolments { get; set; } = [];

    public string FullName => $"{GivenName} {FamilyName}";

    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 320;
}
