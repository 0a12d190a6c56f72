using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upon.Impact;

namespace Upon.Data.Mappings;

public sealed class RetentionMappings : IEntityTypeConfiguration<ImportedEnrolment>
{
    public void Configure(EntityTypeBuilder<ImportedEnrolment> builder)
    {
        builder.ToTable("imported_enrolments");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Email).HasMaxLength(ImportedEnrolment.MaxEmailLength);
        builder.HasOne(e => e.Person).WithMany().HasForeignKey(e => e.PersonKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.PersonKey).IsUnique();
    }
}
