using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upon.Aspirants;

namespace Upon.Data.Mappings;

public sealed class AspirantLearningSetMappings :
    IEntityTypeConfiguration<AspirantLearningSet>, IEntityTypeConfiguration<AspirantLearningSetMember>, IEntityTypeConfiguration<AspirantLearningSetMeeting>
{
    public void Configure(EntityTypeBuilder<AspirantLearningSet> builder)
    {
        builder.ToTable("aspirant_learning_sets");
        builder.HasKey(s => s.Id);
        builder.HasOne(s => s.Cohort).WithMany().HasForeignKey(s => s.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.CohortId, s.Number }).IsUnique();
        builder.HasMany(s => s.Members).WithOne(m => m.Set).HasForeignKey(m => m.SetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Meetings).WithOne(m => m.Set).HasForeignKey(m => m.SetId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(s => s.Name);
    }

    public void Configure(EntityTypeBuilder<AspirantLearningSetMember> builder)
    {
        builder.ToTable("aspirant_learning_set_members");
        builder.HasKey(m => m.Id);
        builder.HasOne(m => m.Application).WithMany().HasForeignKey(m => m.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.ApplicationId).IsUnique();
        builder.HasIndex(m => m.SetId);
    }

    public void Configure(EntityTypeBuilder<AspirantLearningSetMeeting> builder)
    {
        builder.ToTable("aspirant_learning_set_meetings");
        builder.HasKey(m => m.Id);
        builder.HasOne(m => m.Session).WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.SessionId).IsUnique();
        builder.HasIndex(m => m.SetId);
    }
}
