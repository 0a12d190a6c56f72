using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upon.Sessions;

namespace Upon.Data.Mappings;

public sealed class SessionsMappings :
    IEntityTypeConfiguration<Strand>,
    IEntityTypeConfiguration<Cohort>,
    IEntityTypeConfiguration<Session>,
    IEntityTypeConfiguration<Booking>,
    IEntityTypeConfiguration<Apology>,
    IEntityTypeConfiguration<AttendanceRecord>,
    IEntityTypeConfiguration<BankHoliday>
{
    public void Configure(EntityTypeBuilder<Strand> builder)
    {
        builder.ToTable("strands");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Slug).HasMaxLength(Strand.MaxSlugLength);
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(Strand.MaxNameLength);
        builder.Property(s => s.Summary).HasMaxLength(Strand.MaxSummaryLength);
        builder.HasMany(s => s.Cohorts).WithOne(c => c.Strand).HasForeignKey(c => c.StrandId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Cohort> builder)
    {
        builder.ToTable("cohorts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(Cohort.MaxNameLength);
        builder.HasIndex(c => new { c.StrandId, c.Name }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Uid).HasMaxLength(100);
        builder.HasIndex(s => s.Uid).IsUnique();
        builder.Property(s => s.Title).HasMaxLength(Session.MaxTitleLength);
        builder.Property(s => s.Type).HasMaxLength(30).HasConversion<string>();
        builder.Property(s => s.Status).HasMaxLength(20).HasConversion<string>();
        builder.Property(s => s.Venue).HasMaxLength(Session.MaxVenueLength);
        builder.Property(s => s.VideoLink).HasMaxLength(Session.MaxVideoLinkLength);
        builder.Property(s => s.Facilitators).HasMaxLength(Session.MaxFacilitatorsLength);
        builder.Property(s => s.Description).HasMaxLength(Session.MaxDescriptionLength);
        builder.Property(s => s.ChangeNote).HasMaxLength(Session.MaxChangeNoteLength);
        builder.HasOne(s => s.Strand).WithMany().HasForeignKey(s => s.StrandId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Cohort).WithMany().HasForeignKey(s => s.CohortId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.StartUtc);
        // The public list of sessions to come, and when the next one ends (the figure cache).
        builder.HasIndex(s => s.EndUtc);
        builder.HasIndex(s => new { s.StrandId, s.StartUtc });
        builder.Ignore(s => s.IsOnline);
    }

    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.ToTable("bookings");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Status).HasMaxLength(20).HasConversion<string>();
        builder.Property(b => b.RequestedByUserId).HasMaxLength(450);
        builder.HasOne(b => b.Session).WithMany(s => s.Bookings).HasForeignKey(b => b.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(b => b.Participant).WithMany().HasForeignKey(b => b.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        // One person holds at most one booking per session; booking again after cancelling reuses the row.
        builder.HasIndex(b => new { b.SessionId, b.ParticipantId }).IsUnique();
        builder.HasIndex(b => new { b.SessionId, b.Status, b.Queue });
        builder.HasIndex(b => b.ParticipantId);
    }

    public void Configure(EntityTypeBuilder<Apology> builder)
    {
        builder.ToTable("apologies");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Reason).HasMaxLength(Apology.MaxReasonLength);
        builder.HasOne(a => a.Session).WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Participant).WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.SessionId, a.ParticipantId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<AttendanceRecord> builder)
    {
        builder.ToTable("attendance_records");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Mark).HasMaxLength(20).HasConversion<string>();
        builder.Property(a => a.Source).HasMaxLength(20).HasConversion<string>();
        builder.Property(a => a.RecordedBy).HasMaxLength(320);
        builder.HasOne(a => a.Session).WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Participant).WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.SessionId, a.ParticipantId }).IsUnique();
        builder.HasIndex(a => a.ParticipantId);
    }

    public void Configure(EntityTypeBuilder<BankHoliday> builder)
    {
        builder.ToTable("bank_holidays");
        builder.HasKey(h => h.Date);
        builder.Property(h => h.Title).HasMaxLength(200);
    }
}
