using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upon.SessionFeedback;
using Upon.Sessions;

namespace Upon.Data.Mappings;

public sealed class SessionFeedbackMappings :
    IEntityTypeConfiguration<FeedbackForm>,
    IEntityTypeConfiguration<FeedbackQuestion>,
    IEntityTypeConfiguration<FeedbackRequest>,
    IEntityTypeConfiguration<FeedbackResponse>,
    IEntityTypeConfiguration<FeedbackAnswer>
{
    public void Configure(EntityTypeBuilder<FeedbackForm> builder)
    {
        builder.ToTable("feedback_forms");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Name).HasMaxLength(FeedbackForm.MaxNameLength);
        builder.Property(f => f.SessionType).HasMaxLength(30).HasConversion<string>();
        builder.HasOne<Strand>().WithMany().HasForeignKey(f => f.StrandId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.StrandId, f.SessionType });
        builder.HasMany(f => f.Questions).WithOne().HasForeignKey(q => q.FormId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(f => f.IsStandard);
    }

    public void Configure(EntityTypeBuilder<FeedbackQuestion> builder)
    {
        builder.ToTable("feedback_questions");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Text).HasMaxLength(FeedbackQuestion.MaxTextLength);
        builder.Property(q => q.Kind).HasMaxLength(20).HasConversion<string>();
        builder.Property(q => q.Level).HasMaxLength(20).HasConversion<string>();
        builder.HasIndex(q => new { q.FormId, q.Position });
    }

    public void Configure(EntityTypeBuilder<FeedbackRequest> builder)
    {
        builder.ToTable("feedback_requests");
        builder.HasKey(q => q.Id);
        builder.HasOne<Session>().WithMany().HasForeignKey(q => q.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Participant>().WithMany().HasForeignKey(q => q.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(q => new { q.SessionId, q.ParticipantId }).IsUnique();
        builder.HasIndex(q => q.ParticipantId);
        builder.HasIndex(q => new { q.Answered, q.ClosesOn });
    }

    public void Configure(EntityTypeBuilder<FeedbackResponse> builder)
    {
        // Anonymous: no person, no time, and a random key set by the app (never a sequence or a time-ordered Guid).
        builder.ToTable("feedback_responses");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<Session>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FeedbackForm>().WithMany().HasForeignKey(r => r.FormId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.SessionId);
    }

    public void Configure(EntityTypeBuilder<FeedbackAnswer> builder)
    {
        builder.ToTable("feedback_answers");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Text).HasMaxLength(FeedbackAnswer.MaxTextLength);
        builder.HasOne<FeedbackQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.ResponseId);
        builder.HasIndex(a => a.QuestionId);
    }
}
