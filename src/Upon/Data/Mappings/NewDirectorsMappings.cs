using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upon.NewDirectors;
using Upon.Sessions;

namespace Upon.Data.Mappings;

public sealed class NewDirectorsMappings : IEntityTypeConfiguration<DirectorInvitation>, IEntityTypeConfiguration<EnrolmentStatusChange>
{
    public void Configure(EntityTypeBuilder<DirectorInvitation> builder)
    {
        builder.ToTable("director_invitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.AuthorityCode).HasMaxLength(3);
        builder.Property(i => i.Status).HasMaxLength(20).HasConversion<string>();
        builder.Property(i => i.Email).HasMaxLength(320);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.Property(i => i.ProtectedToken).HasMaxLength(1000);
        builder.Property(i => i.DeclineReason).HasMaxLength(DirectorInvitation.MaxReasonLength);
        builder.Property(i => i.CreatedBy).HasMaxLength(320);
        builder.HasOne(i => i.Person).WithMany().HasForeignKey(i => i.PersonKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Appointment).WithMany().HasForeignKey(i => i.AppointmentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(i => i.PersonKey);
        builder.HasIndex(i => new { i.Status, i.SendOn });
        builder.HasIndex(i => i.StartDate);
        builder.Ignore(i => i.DaysToInvitation);
        builder.Ignore(i => i.DaysRecordedLate);
    }

    public void Configure(EntityTypeBuilder<EnrolmentStatusChange> builder)
    {
        builder.ToTable("enrolment_status_changes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Status).HasMaxLength(20).HasConversion<string>();
        builder.Property(c => c.Reason).HasMaxLength(EnrolmentStatusChange.MaxReasonLength);
        builder.Property(c => c.RecordedBy).HasMaxLength(320);
        builder.HasOne(c => c.Enrolment).WithMany(e => e.History).HasForeignKey(c => c.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.EnrolmentId);
    }
}
