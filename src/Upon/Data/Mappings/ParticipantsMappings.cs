using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upon.NewDirectors;
using Upon.Participants;
using Upon.Sessions;

namespace Upon.Data.Mappings;

public sealed class ParticipantsMappings : IEntityTypeConfiguration<Participant>, IEntityTypeConfiguration<Enrolment>, IEntityTypeConfiguration<EqualityInformation>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.ToTable("participants");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.GivenName).HasMaxLength(Participant.MaxNameLength);
        builder.Property(p => p.FamilyName).HasMaxLength(Participant.MaxNameLength);
        builder.Property(p => p.Email).HasMaxLength(Participant.MaxEmailLength);
        builder.HasIndex(p => p.Email).IsUnique();
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.HasIndex(p => p.UserId).IsUnique();
        builder.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(p => p.Person).WithMany().HasForeignKey(p => p.PersonKey).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => p.PersonKey);
        builder.Property(p => p.CalendarTokenHash).HasMaxLength(64);
        builder.HasIndex(p => p.CalendarTokenHash).IsUnique();
        builder.HasMany(p => p.Enrolments).WithOne(e => e.Participant).HasForeignKey(e => e.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(p => p.FullName);
    }

    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.ToTable("enrolments");
        builder.HasKey(e => e.Id);
        builder.HasOne(e => e.Strand).WithMany().HasForeignKey(e => e.StrandId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Cohort).WithMany().HasForeignKey(e => e.CohortId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.ParticipantId, e.StrandId });
        builder.Property(e => e.Status).HasMaxLength(20).HasConversion<string>();
        builder.HasOne<DirectorInvitation>().WithMany().HasForeignKey(e => e.InvitationId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<EqualityInformation> builder)
    {
        builder.ToTable("equality_information");
        builder.HasKey(e => e.Id);
        builder.HasOne(e => e.Participant).WithOne().HasForeignKey<EqualityInformation>(e => e.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.ParticipantId).IsUnique();
        builder.Property(e => e.EthnicityCode).HasMaxLength(40);
        builder.Property(e => e.Sex).HasMaxLength(20).HasConversion<string>();
        builder.Property(e => e.Disability).HasMaxLength(20).HasConversion<string>();
    }
}
