using NodaTime;

namespace Upon.Impact;

/// <summary>
/// A DfE return as submitted (version 1) or revised (2, 3 ...): its figures frozen as the exact and the funder's
/// documents were at that moment, so that a published figure never silently changes.
/// </summary>
public class ReturnSubmission
{
    public int Id { get; set; }

    /// <summary>The period's label, <c>2026-27-Q2</c> or <c>2026-27</c>.</summary>
    public required string Period { get; set; }

    public int Version { get; set; }
    public Instant SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }

    /// <summary>Why a revision was issued; null for the first submission.</summary>
    public string? Note { get; set; }

    /// <summary>The staff document (<see cref="DfeReturnDocument"/>) as JSON.</summary>
    public required string ExactJson { get; set; }

    /// <summary>The funder's document, small numbers suppressed, as JSON.</summary>
    public required string FunderJson { get; set; }

    public const int MaxNoteLength = 2000;
}
