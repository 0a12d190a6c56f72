using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Data;

namespace Upon.Register;

/// <summary>
/// Uploaded files waiting for confirmation, in the database so that every instance sees the same ones. Times come from
/// <see cref="IClock"/>; an upload nobody confirms expires after <see cref="KeepFor"/> and is removed by the next upload.
/// </summary>
public sealed class PendingUploads(UponDbContext db, IClock clock)
{
    /// <summary>How long an upload waits for its confirmation.</summary>
    public static readonly Duration KeepFor = Duration.FromHours(24);

    /// <summary>Keeps a file for <paramref name="uploadedBy"/> and returns its token; removes expired uploads first.</summary>
    public async Task<Guid> AddAsync(string uploadedBy, string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        await RemoveExpiredAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        var upload = new PendingUpload
        {
            Id = Guid.NewGuid(),
            UploadedBy = uploadedBy,
            FileName = fileName.Length > 255 ? fileName[..255] : fileName,
            FileContent = content,
            UploadedAt = now,
            ExpiresAt = now + KeepFor,
        };
        db.PendingUploads.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(upload).State = EntityState.Detached;
        return upload.Id;
    }

    /// <summary>The upload, if it exists, has not expired and belongs to <paramref name="uploadedBy"/>.</summary>
    public Task<PendingUpload?> FindAsync(Guid id, string uploadedBy, CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        return db.PendingUploads.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.UploadedBy == uploadedBy && u.ExpiresAt > now, cancellationToken);
    }

    /// <summary>
    /// Takes the upload for saving: its content, removed from the table in one statement, so that of two clicks (or two
    /// instances) only one gets it. Null when it is not there, has expired or is someone else's.
    /// </summary>
    public async Task<byte[]?> ClaimAsync(Guid id, string uploadedBy, CancellationToken cancellationToken = default)
    {
        var upload = await FindAsync(id, uploadedBy, cancellationToken);
        if (upload is null)
        {
            return null;
        }
        var removed = await db.PendingUploads.Where(u => u.Id == id).ExecuteDeleteAsync(cancellationToken);
        return removed == 1 ? upload.FileContent : null;
    }

    /// <summary>Removes every upload whose time has passed; returns how many.</summary>
    public Task<int> RemoveExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        return db.PendingUploads.Where(u => u.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }
}
