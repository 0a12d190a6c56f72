using NodaTime;

namespace Upon.Impact;

/// <summary>
/// A graduate of the Black and Asian Leadership Initiative (BALI, the Staff College's programme for aspiring leaders
/// from minoritised groups), from <c>upon import bali</c> or self-declared on an application. Keyed by email.
/// </summary>
public class EqualityBaliGraduate
{
    public int Id { get; set; }
    public required string Email { get; set; }
    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }
    public int CohortYear { get; set; }

    /// <summary><c>import</c> or <c>application</c>.</summary>
    public required string Source { get; set; }

    public Instant RecordedAt { get; set; }

    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 320;
}
