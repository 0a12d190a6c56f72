namespace Upon.Core.Coaching;

/// <summary>A participant's request as the matching sees it.</summary>
/// <param name="Key">What names the participant in results: their email address.</param>
/// <param name="Name">Their name.</param>
/// <param name="AuthorityCode">Their own authority (DfE LA code), or null when they have none.</param>
/// <param name="Must">Characteristics the coach must share.</param>
/// <param name="WouldLike">Characteristics they would like the coach to share.</param>
/// <param name="KindWanted">The kind of authority they would like the coach to have led, if any.</param>
/// <param name="Mode">Online, in person or either.</param>
/// <param name="Region">Their region (E12 code), used only for in-person coaching.</param>
/// <param name="Avoid">Coaches (keys) they would rather not have.</param>
/// <param name="PreviousCoaches">Coaches (keys) who coached them before.</param>
/// <param name="PreviousCoachAllowed">Whether staff allow a previous coach for this request.</param>
public sealed record MatchRequest(
    string Key,
    string Name,
    string? AuthorityCode,
    IReadOnlySet<string> Must,
    IReadOnlySet<string> WouldLike,
    AuthorityKind? KindWanted,
    RequestedMode Mode,
    string? Region,
    IReadOnlySet<string> Avoid,
    IReadOnlySet<string> PreviousCoaches,
    bool PreviousCoachAllowed = false);
