using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upon.Register;

namespace Upon.Data.Mappings;

public sealed class UploadMappings : IEntityTypeConfiguration<PendingUpload>
{
    public void Configure(EntityTypeBuilder<PendingUpload> builder)
    {
        builder.ToTable("pending_uploads");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.UploadedBy).HasMaxLength(450);
        builder.Property(u => u.FileName).HasMaxLength(255);
        builder.HasIndex(u => u.ExpiresAt);
    }
}
