using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upon.Aspirants;

namespace Upon.Data.Mappings;

public sealed class AspirantsMappings :
    IEntityTypeConfiguration<AspirantCohort>, IEntityTypeConfiguration<AspirantCriterion>, IEntityTypeConfiguration<AspirantQuestion>,
    IEntityTypeConfiguration<AspirantTaughtDay>, IEntityTypeConfiguration<AspirantApplication>, IEntityTypeConfiguration<AspirantAnswer>,
    IEntityTypeConfiguration<AspirantRedaction>, IEntityTypeConfiguration<AspirantEndorsement>, IEntityTypeConfiguration<AspirantEqualityMonitoring>,
    IEntityTypeConfiguration<AspirantReviewer>, IEntityTypeConfiguration<CohortReviewer>, IEntityTypeConfiguration<AspirantReview>,
    IEntityTypeConfiguration<AspirantScore>, IEntityTypeConfiguration<AspirantConflict>, IEntityTypeConfiguration<AspirantModeration>,
    IEntityTypeConfiguration<AlumniMatchRejection>
{
    public void Configure(EntityTypeBuilder<AspirantCohort> builder)
    {
        builder.ToTable("aspirant_cohorts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(AspirantCohort.MaxNameLength);
        builder.HasIndex(c => c.Name).IsUnique();
        builder.Property(c => c.MinYearsSenior).HasPrecision(4, 1);
        builder.HasOne(c => c.ProgrammeCohort).WithMany().HasForeignKey(c => c.ProgrammeCohortId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Criteria).WithOne(c => c.Cohort).HasForeignKey(c => c.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Questions).WithOne(q => q.Cohort).HasForeignKey(q => q.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.TaughtDays).WithOne().HasForeignKey(d => d.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Applications).WithOne(a => a.Cohort).HasForeignKey(a => a.CohortId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<AspirantCriterion> builder)
    {
        builder.ToTable("aspirant_criteria");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(AspirantCriterion.MaxNameLength);
        builder.Property(c => c.Weight).HasPrecision(9, 4);
        builder.HasIndex(c => new { c.CohortId, c.Name }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<AspirantQuestion> builder)
    {
        builder.ToTable("aspirant_questions");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Text).HasMaxLength(AspirantQuestion.MaxTextLength);
        builder.HasIndex(q => q.CohortId);
    }

    public void Configure(EntityTypeBuilder<AspirantTaughtDay> builder)
    {
        builder.ToTable("aspirant_taught_days");
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => new { d.CohortId, d.Date }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<AspirantApplication> builder)
    {
        builder.ToTable("aspirant_applications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ApplicationId).HasMaxLength(AspirantApplication.MaxApplicationIdLength);
        builder.HasIndex(a => new { a.CohortId, a.ApplicationId }).IsUnique();
        builder.Property(a => a.Email).HasMaxLength(AspirantApplication.MaxEmailLength);
        builder.HasIndex(a => a.Email);
        builder.Property(a => a.GivenName).HasMaxLength(AspirantApplication.MaxNameLength);
        builder.Property(a => a.FamilyName).HasMaxLength(AspirantApplication.MaxNameLength);
        builder.Property(a => a.AuthorityCode).HasMaxLength(10);
        builder.HasOne(a => a.Authority).WithMany().HasForeignKey(a => a.AuthorityCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.OtherEmployer).HasMaxLength(AspirantApplication.MaxEmployerLength);
        builder.Property(a => a.RoleTitle).HasMaxLength(AspirantApplication.MaxRoleTitleLength);
        builder.Property(a => a.YearsSenior).HasPrecision(4, 1);
        builder.Property(a => a.EndorserName).HasMaxLength(AspirantApplication.MaxNameLength * 2);
        builder.Property(a => a.EndorserEmail).HasMaxLength(AspirantApplication.MaxEmailLength);
        builder.Property(a => a.Status).HasMaxLength(20).HasConversion<string>();
        builder.Property(a => a.ResumeTokenHash).HasMaxLength(100);
        builder.HasIndex(a => a.ResumeTokenHash);
        builder.Property(a => a.EligibilityOverrideReason).HasMaxLength(AspirantApplication.MaxReasonLength);
        builder.Property(a => a.EligibilityOverriddenBy).HasMaxLength(256);
        builder.Property(a => a.Outcome).HasMaxLength(20).HasConversion<string>();
        builder.Property(a => a.TieBreakReason).HasMaxLength(AspirantApplication.MaxReasonLength);
        builder.Property(a => a.Offer).HasMaxLength(20).HasConversion<string>();
        builder.HasOne(a => a.Participant).WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.ConfirmedPerson).WithMany().HasForeignKey(a => a.ConfirmedPersonKey).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Answers).WithOne(a => a.Application).HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Reviews).WithOne(r => r.Application).HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Endorsement).WithOne(e => e.Application).HasForeignKey<AspirantEndorsement>(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(a => a.FullName);
    }

    public void Configure(EntityTypeBuilder<AspirantAnswer> builder)
    {
        builder.ToTable("aspirant_answers");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Text).HasMaxLength(AspirantAnswer.MaxTextLength);
        builder.HasOne(a => a.Question).WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ApplicationId, a.QuestionId }).IsUnique();
        builder.HasMany(a => a.Redactions).WithOne(r => r.Answer).HasForeignKey(r => r.AnswerId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<AspirantRedaction> builder)
    {
        builder.ToTable("aspirant_redactions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Phrase).HasMaxLength(AspirantRedaction.MaxPhraseLength);
        builder.Property(r => r.RedactedBy).HasMaxLength(256);
        builder.HasIndex(r => r.AnswerId);
    }

    public void Configure(EntityTypeBuilder<AspirantEndorsement> builder)
    {
        builder.ToTable("aspirant_endorsements");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.ApplicationId).IsUnique();
        builder.Property(e => e.TokenHash).HasMaxLength(100);
        builder.HasIndex(e => e.TokenHash);
        builder.Property(e => e.Statement).HasMaxLength(AspirantEndorsement.MaxStatementLength);
        builder.Property(e => e.RecordedByStaff).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<AspirantEqualityMonitoring> builder)
    {
        // Its own table, reached only by key: AspirantApplication has no navigation to it.
        builder.ToTable("aspirant_equality_monitoring");
        builder.HasKey(e => e.Id);
        builder.HasOne<AspirantApplication>().WithMany().HasForeignKey(e => e.ApplicationKey).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.ApplicationKey).IsUnique();
        builder.HasOne<AspirantCohort>().WithMany().HasForeignKey(e => e.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.CohortId);
        builder.Property(e => e.EthnicityCode).HasMaxLength(40);
        builder.Property(e => e.Sex).HasMaxLength(20).HasConversion<string>();
        builder.Property(e => e.GenderSameAsAtBirth).HasMaxLength(20).HasConversion<string>();
        builder.Property(e => e.SexualOrientation).HasMaxLength(30).HasConversion<string>();
        builder.Property(e => e.LongTermCondition).HasMaxLength(20).HasConversion<string>();
        builder.Property(e => e.ActivitiesReduced).HasMaxLength(20).HasConversion<string>();
        builder.Property(e => e.Disabled).HasMaxLength(20).HasConversion<string>();
        builder.Property(e => e.Religion).HasMaxLength(20).HasConversion<string>();
        builder.Property(e => e.AgeBand).HasMaxLength(20).HasConversion<string>();
    }

    public void Configure(EntityTypeBuilder<AspirantReviewer> builder)
    {
        builder.ToTable("aspirant_reviewers");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Email).HasMaxLength(AspirantReviewer.MaxEmailLength);
        builder.HasIndex(r => r.Email).IsUnique();
        builder.Property(r => r.GivenName).HasMaxLength(AspirantReviewer.MaxNameLength);
        builder.Property(r => r.FamilyName).HasMaxLength(AspirantReviewer.MaxNameLength);
        builder.Property(r => r.ConflictAuthorityCodes).HasMaxLength(AspirantReviewer.MaxListLength);
        builder.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonKey).OnDelete(DeleteBehavior.SetNull);
        builder.Ignore(r => r.FullName);
    }

    public void Configure(EntityTypeBuilder<CohortReviewer> builder)
    {
        builder.ToTable("aspirant_cohort_reviewers");
        builder.HasKey(r => r.Id);
        builder.HasOne(r => r.Cohort).WithMany().HasForeignKey(r => r.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Reviewer).WithMany().HasForeignKey(r => r.ReviewerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.CohortId, r.ReviewerId }).IsUnique();
        builder.Property(r => r.GrantedBy).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<AspirantReview> builder)
    {
        builder.ToTable("aspirant_reviews");
        builder.HasKey(r => r.Id);
        builder.HasOne(r => r.Reviewer).WithMany().HasForeignKey(r => r.ReviewerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ApplicationId, r.ReviewerId }).IsUnique();
        builder.HasIndex(r => r.ReviewerId);
        builder.Property(r => r.Status).HasMaxLength(20).HasConversion<string>();
        builder.Property(r => r.RecusalReason).HasMaxLength(AspirantReview.MaxReasonLength);
        builder.HasMany(r => r.Scores).WithOne(s => s.Review).HasForeignKey(s => s.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<AspirantScore> builder)
    {
        builder.ToTable("aspirant_scores");
        builder.HasKey(s => s.Id);
        builder.HasOne(s => s.Criterion).WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ReviewId, s.CriterionId }).IsUnique();
        builder.Property(s => s.Comment).HasMaxLength(AspirantScore.MaxCommentLength);
    }

    public void Configure(EntityTypeBuilder<AspirantConflict> builder)
    {
        builder.ToTable("aspirant_conflicts");
        builder.HasKey(c => c.Id);
        builder.HasOne(c => c.Application).WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Reviewer).WithMany().HasForeignKey(c => c.ReviewerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ApplicationId, c.ReviewerId }).IsUnique();
        builder.Property(c => c.Reason).HasMaxLength(AspirantConflict.MaxReasonLength);
    }

    public void Configure(EntityTypeBuilder<AlumniMatchRejection> builder)
    {
        builder.ToTable("alumni_match_rejections");
        builder.HasKey(r => r.Id);
        builder.HasOne(r => r.Application).WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Upon.Register.Person>().WithMany().HasForeignKey(r => r.PersonKey).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ApplicationId, r.PersonKey }).IsUnique();
        builder.HasIndex(r => r.PersonKey);
        builder.Property(r => r.RejectedBy).HasMaxLength(AlumniMatchRejection.MaxActorLength);
    }

    public void Configure(EntityTypeBuilder<AspirantModeration> builder)
    {
        builder.ToTable("aspirant_moderations");
        builder.HasKey(m => m.Id);
        builder.HasOne(m => m.Application).WithMany().HasForeignKey(m => m.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.ApplicationId);
        builder.Property(m => m.Kind).HasMaxLength(20).HasConversion<string>();
        builder.Property(m => m.Score).HasPrecision(9, 4);
        builder.Property(m => m.Reason).HasMaxLength(AspirantModeration.MaxReasonLength);
        builder.Property(m => m.ModeratedBy).HasMaxLength(256);
    }
}
