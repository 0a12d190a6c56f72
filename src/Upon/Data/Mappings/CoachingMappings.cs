using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upon.Coaching;

namespace Upon.Data.Mappings;

public sealed class CoachingMappings :
    IEntityTypeConfiguration<CoachProfile>, IEntityTypeConfiguration<CoachConsent>, IEntityTypeConfiguration<CoachingCharacteristic>,
    IEntityTypeConfiguration<MatchingRound>, IEntityTypeConfiguration<CoachingRequest>, IEntityTypeConfiguration<RoundDecision>,
    IEntityTypeConfiguration<RoundProposal>, IEntityTypeConfiguration<CoachingRelationship>, IEntityTypeConfiguration<CoachingSessionLog>
{
    public void Configure(EntityTypeBuilder<CoachProfile> builder)
    {
        builder.ToTable("coach_profiles");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Email).HasMaxLength(320);
        builder.HasIndex(c => c.Email).IsUnique();
        builder.Property(c => c.GivenName).HasMaxLength(100);
        builder.Property(c => c.FamilyName).HasMaxLength(100);
        builder.Property(c => c.Regions).HasMaxLength(CoachProfile.MaxListLength);
        builder.Property(c => c.AuthorityKinds).HasMaxLength(CoachProfile.MaxListLength);
        builder.Property(c => c.ConflictAuthorityCodes).HasMaxLength(CoachProfile.MaxListLength);
        builder.Property(c => c.Status).HasMaxLength(20).HasConversion<string>();
        builder.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonKey).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => c.PersonKey);
        builder.HasMany(c => c.Consents).WithOne(c => c.Coach).HasForeignKey(c => c.CoachId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(c => c.FullName);
        builder.Property(c => c.CalendarTokenHash).HasMaxLength(64);
        builder.HasIndex(c => c.CalendarTokenHash).IsUnique();
    }

    public void Configure(EntityTypeBuilder<CoachConsent> builder)
    {
        builder.ToTable("coach_consents");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Characteristic).HasMaxLength(40);
        builder.HasIndex(c => new { c.CoachId, c.Characteristic });
    }

    public void Configure(EntityTypeBuilder<CoachingCharacteristic> builder)
    {
        builder.ToTable("coaching_characteristics");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(40);
        builder.Property(c => c.Label).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<MatchingRound> builder)
    {
        builder.ToTable("matching_rounds");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(MatchingRound.MaxNameLength);
        builder.HasIndex(r => r.Name).IsUnique();
        builder.Property(r => r.Status).HasMaxLength(20).HasConversion<string>();
        builder.HasMany(r => r.Requests).WithOne(r => r.Round).HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Decisions).WithOne().HasForeignKey(d => d.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Proposals).WithOne().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(r => r.Weights);
    }

    public void Configure(EntityTypeBuilder<CoachingRequest> builder)
    {
        builder.ToTable("coaching_requests");
        builder.HasKey(r => r.Id);
        builder.HasOne(r => r.Participant).WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.RoundId, r.ParticipantId }).IsUnique();
        builder.Property(r => r.AuthorityCode).HasMaxLength(10);
        builder.Property(r => r.Must).HasMaxLength(CoachProfile.MaxListLength);
        builder.Property(r => r.WouldLike).HasMaxLength(CoachProfile.MaxListLength);
        builder.Property(r => r.AuthorityKind).HasMaxLength(20).HasConversion<string>();
        builder.Property(r => r.Mode).HasMaxLength(20).HasConversion<string>();
        builder.Property(r => r.Region).HasMaxLength(10);
        builder.Property(r => r.AvoidCoachIds).HasMaxLength(CoachProfile.MaxListLength);
    }

    public void Configure(EntityTypeBuilder<RoundDecision> builder)
    {
        builder.ToTable("round_decisions");
        builder.HasKey(d => d.Id);
        builder.HasOne(d => d.Request).WithMany().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Coach).WithMany().HasForeignKey(d => d.CoachId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.RoundId, d.RequestId, d.CoachId }).IsUnique();
        builder.Property(d => d.Kind).HasMaxLength(20).HasConversion<string>();
    }

    public void Configure(EntityTypeBuilder<RoundProposal> builder)
    {
        builder.ToTable("round_proposals");
        builder.HasKey(p => p.Id);
        builder.HasOne(p => p.Request).WithMany().HasForeignKey(p => p.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Coach).WithMany().HasForeignKey(p => p.CoachId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.RoundId, p.RequestId }).IsUnique();
        builder.Property(p => p.Reasons).HasMaxLength(8000);
    }

    public void Configure(EntityTypeBuilder<CoachingRelationship> builder)
    {
        builder.ToTable("coaching_relationships");
        builder.HasKey(r => r.Id);
        builder.HasOne(r => r.Coach).WithMany().HasForeignKey(r => r.CoachId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Participant).WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.CoachId);
        builder.HasIndex(r => r.ParticipantId);
        builder.Property(r => r.Status).HasMaxLength(20).HasConversion<string>();
        builder.Property(r => r.StatusReason).HasMaxLength(500);
        builder.HasMany(r => r.Sessions).WithOne(s => s.Relationship).HasForeignKey(s => s.RelationshipId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(r => r.HoldsPlace);
    }

    public void Configure(EntityTypeBuilder<CoachingSessionLog> builder)
    {
        builder.ToTable("coaching_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Confirmation).HasMaxLength(20).HasConversion<string>();
        builder.Property(s => s.QueryReason).HasMaxLength(500);
    }
}
