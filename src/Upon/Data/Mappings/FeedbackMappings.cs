using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upon.Email;
using Upon.Feedback;

namespace Upon.Data.Mappings;

public sealed class FeedbackMappings : IEntityTypeConfiguration<ProblemReport>, IEntityTypeConfiguration<ProblemReply>
{
    public void Configure(EntityTypeBuilder<ProblemReport> builder)
    {
        builder.ToTable("problem_reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Reference).HasMaxLength(20);
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.Property(r => r.Name).HasMaxLength(ProblemReport.MaxNameLength);
        builder.Property(r => r.Email).HasMaxLength(ProblemReport.MaxEmailLength);
        builder.Property(r => r.Page).HasMaxLength(ProblemReport.MaxPageLength);
        builder.Property(r => r.Message).HasMaxLength(ProblemReport.MaxMessageLength);
        builder.Property(r => r.Status).HasMaxLength(20).HasConversion<string>();
        builder.HasIndex(r => new { r.Status, r.ReceivedAt });
        builder.HasIndex(r => r.ReceivedAt);
        builder.HasMany(r => r.Replies).WithOne().HasForeignKey(x => x.ProblemReportId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ProblemReply> builder)
    {
        builder.ToTable("problem_replies");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Body).HasMaxLength(ProblemReply.MaxBodyLength);
        builder.Property(x => x.SentBy).HasMaxLength(320);
        builder.Property(x => x.SentByUserId).HasMaxLength(450);
        builder.HasIndex(x => x.ProblemReportId);
        builder.HasOne(x => x.OutboxMessage).WithMany().HasForeignKey(x => x.OutboxMessageId).OnDelete(DeleteBehavior.SetNull);
    }
}
