using NodaTime;
using Upon.Register;

namespace Upon.Coaching;

/// <summary>Whether a coach is in the pool.</summary>
public enum CoachStatus
{
    Active,
    Paused,
    Retired,
}

/// <summary>
/// A coach in the pool: capacity, modes, regions, consented characteristics, the kinds of authority they led and the
/// authorities they must never be matched with. An account with the Coach role and the same email address is theirs.
/// </summary>
public class CoachProfile
{
    public int Id { get; set; }
    public required string Email { get; set; }
    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }

    /// <summary>How many active coachees they take at once.</summary>
    public int Capacity { get; set; }
    public bool OffersOnline { get; set; }
    public bool OffersInPerson { get; set; }

    /// <summary>English regions (E12 codes) for in-person coaching, separated by <c>;</c>.</summary>
    public string Regions { get; set; } = "";

    /// <summary>Declared kinds of authority led (<c>county;london</c>); the register adds more for a linked person.</summary>
    public string AuthorityKinds { get; set; } = "";

    /// <summary>Declared authorities (DfE LA codes) led or worked in; the register adds more for a linked person.</summary>
    public string ConflictAuthorityCodes { get; set; } = "";

    public int? PersonKey { get; set; }
    public Person? Person { get; set; }
    public CoachStatus Status { get; set; }
    public Instant CreatedAt { get; set; }
    public List<CoachConsent> Consents { get; set; } = [];

    /// <summary>SHA-256 of the secret in the coach's private calendar address; null when they have none.</summary>
    public string? CalendarTokenHash { get; set; }
    public Instant? CalendarTokenCreatedAt { get; set; }

    public string FullName => $"{GivenName} {FamilyName}";

    public const int MaxCapacity = 50;
    public const int MaxListLength = 2000;
}

/// <summary>A coach's consent to be matched on one characteristic, with its date and, if withdrawn, the day it was.</summary>
public class CoachConsent
{
    public int Id { get; set; }
    public int CoachId { get; set; }
    public CoachProfile? Coach { get; set; }
    public required string Characteristic { get; set; }
    public LocalDate GivenOn { get; set; }
    public LocalDate? WithdrawnOn { get; set; }
}

/// <summary>A characteristic staff added to the fixed list.</summary>
public class CoachingCharacteristic
{
    public required string Code { get; set; }
    public required string Label { get; set; }
}
