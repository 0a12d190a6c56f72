namespace Upon.Core.Coaching;

/// <summary>A coach as the matching sees them.</summary>
/// <param name="Key">What names the coach in results: their email address.</param>
/// <param name="Name">Their name, for explanations ("raising Ada Obi's capacity by one").</param>
/// <param name="FreePlaces">Capacity minus active coachees (never below zero).</param>
/// <param name="OffersOnline">Whether they coach online.</param>
/// <param name="OffersInPerson">Whether they coach in person, in <paramref name="Regions"/>.</param>
/// <param name="Regions">The English regions (E12 codes) where they coach in person.</param>
/// <param name="Characteristics">The characteristics they consent to be matched on, today.</param>
/// <param name="KindsLed">The kinds of authority they led (declared and from the register).</param>
/// <param name="ConflictAuthorities">The authorities (DfE LA codes) they led or worked in (declared and from the register).</param>
public sealed record MatchCoach(
    string Key,
    string Name,
    int FreePlaces,
    bool OffersOnline,
    bool OffersInPerson,
    IReadOnlySet<string> Regions,
    IReadOnlySet<string> Characteristics,
    IReadOnlySet<AuthorityKind> KindsLed,
    IReadOnlySet<string> ConflictAuthorities);
