namespace Upon.Core.Register;

/// <summary>Why a director's appointment ended.</summary>
public enum LeavingReason
{
    /// <summary>The director retired.</summary>
    Retired,

    /// <summary>The director left to become DCS of another authority.</summary>
    MovedToAnotherDcsPost,

    /// <summary>The director moved up to a more senior post, such as chief executive.</summary>
    Promoted,

    /// <summary>An interim or acting director was appointed permanently to the same post: the same person stays, so it is not a change.</summary>
    MadePermanent,

    /// <summary>An interim or acting appointment came to its planned end.</summary>
    EndOfInterim,

    /// <summary>The director resigned.</summary>
    Resigned,

    /// <summary>The authority dismissed the director.</summary>
    Dismissed,

    /// <summary>The director left because of ill health.</summary>
    IllHealth,

    /// <summary>The post ended or changed in a reorganisation of the authority or its services.</summary>
    Restructure,

    /// <summary>Any other reason.</summary>
    Other,
}
