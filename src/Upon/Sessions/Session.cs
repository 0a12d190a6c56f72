using NodaTime;
using Upon.Core.Sessions;

namespace Upon.Sessions;

/// <summary>
/// One session of the programme: a workshop, a residential over several days, a taught day, ... Its times are local
/// times in Europe/London; <see cref="StartUtc"/> and <see cref="EndUtc"/> are the same instants, kept for ordering
/// and queries. <see cref="Sequence"/> rises on every change people should see (it is the iCalendar SEQUENCE).
/// </summary>
public class Session
{
    public int Id { get; set; }

    /// <summary>The iCalendar UID: stable for the life of the session.</summary>
    public required string Uid { get; set; }
    public int StrandId { get; set; }
    public Strand? Strand { get; set; }
    public int? CohortId { get; set; }
    public Cohort? Cohort { get; set; }
    public required string Title { get; set; }
    public SessionType Type { get; set; }
    public LocalDateTime Start { get; set; }
    public LocalDateTime End { get; set; }
    public Instant StartUtc { get; set; }
    public Instant EndUtc { get; set; }
    public int Capacity { get; set; }

    /// <summary>The venue's address, for sessions in person.</summary>
    public string? Venue { get; set; }

    /// <summary>The video link, for sessions online (or moved online).</summary>
    public string? VideoLink { get; set; }

    /// <summary>
    /// The video link when it is an absolute https address (<see cref="VideoLinks"/>), else null. A link stored before
    /// the rule may not be: emails and calendars then leave it out, as if there were none, and the pages show it as text.
    /// </summary>
    public string? UsableVideoLink => VideoLinks.IsValid(VideoLink) ? VideoLink : null;

    /// <summary>Whether the session has a stored video link that is not an https address (<see cref="UsableVideoLink"/>).</summary>
    public bool HasUnusableVideoLink => VideoLink is not null && UsableVideoLink is null;
    public string? Facilitators { get; set; }
    public string? Description { get; set; }
    public SessionStatus Status { get; set; }

    /// <summary>
    /// Whether the session has moved online. Kept apart from <see cref="Status"/>, which a later postponement changes:
    /// a session moved online and then postponed is still held online.
    /// </summary>
    public bool MovedOnline { get; set; }

    /// <summary>In person "circumstances permitting": may move online.</summary>
    public bool CircumstancesPermitting { get; set; }

    /// <summary>What changed last, as told to the people booked (e.g. why it moved online).</summary>
    public string? ChangeNote { get; set; }
    public int Sequence { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant UpdatedAt { get; set; }

    public List<Booking> Bookings { get; set; } = [];

    /// <summary>
    /// Whether the session is held online (<see cref="HeldOnline"/>): the pages, emails, calendars and API all say so
    /// by this one rule.
    /// </summary>
    public bool IsOnline => HeldOnline(MovedOnline, Type, Venue, VideoLink);

    /// <summary>Whether the session has neither a venue nor a video link, and is of a type held in person: its place is to be confirmed.</summary>
    public bool IsPlaceToBeConfirmed => !IsOnline && Venue is null;

    /// <summary>
    /// Whether a session is held online: it has moved online, or it has no venue and either a video link or a type that
    /// is held online (a virtual workshop, a webinar). A residential with neither venue nor link is neither online nor
    /// in person yet: its place is to be confirmed.
    /// </summary>
    public static bool HeldOnline(bool movedOnline, SessionType type, string? venue, string? videoLink) =>
        movedOnline || (venue is null && (videoLink is not null || type is SessionType.VirtualWorkshop or SessionType.Webinar));

    public const int MaxTitleLength = 200;
    public const int MaxVenueLength = 500;
    public const int MaxVideoLinkLength = 500;
    public const int MaxFacilitatorsLength = 500;
    public const int MaxDescriptionLength = 4000;
    public const int MaxChangeNoteLength = 1000;
    public const int MaxCapacity = 1000;
}
