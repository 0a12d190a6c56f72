using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upon.DataProtection;

namespace Upon.Data.Mappings;

public sealed class DataProtectionMappings : IEntityTypeConfiguration<SubjectRequest>
{
    public void Configure(EntityTypeBuilder<SubjectRequest> builder)
    {
        builder.ToTable("subject_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Email).HasMaxLength(320);
        builder.Property(r => r.Kind).HasMaxLength(20).HasConversion<string>();
        builder.Property(r => r.Notes).HasMaxLength(SubjectRequest.MaxNotesLength);
        builder.Property(r => r.RecordedBy).HasMaxLength(320);
        builder.Property(r => r.CompletedBy).HasMaxLength(320);
        builder.HasIndex(r => new { r.CompletedAt, r.DueOn });
    }
}
