using NodaTime;

namespace Upon.Register;

/// <summary>
/// An uploaded appointments file waiting for its uploader to confirm it, kept in the database (not on one server's disk)
/// so that any instance behind a load balancer can show its preview and save it. Found by a random token; forgotten
/// when it is saved or when it expires (<see cref="PendingUploads"/>).
/// </summary>
public class PendingUpload
{
    public Guid Id { get; set; }

    /// <summary>The account that uploaded it; only that account may see or save it.</summary>
    public required string UploadedBy { get; set; }

    public required string FileName { get; set; }
    /// <summary>The file as uploaded; never written to the audit log (see <c>AuditChanges</c>).</summary>
    public required byte[] FileContent { get; set; }
    public Instant UploadedAt { get; set; }
    public Instant ExpiresAt { get; set; }
}
