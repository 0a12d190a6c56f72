using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upon.Accounts;
using Upon.Audit;

namespace Upon.Data.Mappings;

public sealed class AccountsMappings : IEntityTypeConfiguration<ApiToken>, IEntityTypeConfiguration<AccountInvitation>, IEntityTypeConfiguration<AuditEvent>, IEntityTypeConfiguration<UponUser>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("api_tokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Prefix).HasMaxLength(12);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.CreatedInSignIn).HasMaxLength(32);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasOne<UponUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<AccountInvitation> builder)
    {
        builder.ToTable("account_invitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.UserId);
        builder.HasOne<UponUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Actor).HasMaxLength(320);
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.Property(e => e.EntityType).HasMaxLength(100);
        builder.Property(e => e.EntityId).HasMaxLength(200);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.HasIndex(e => e.UserId);
    }

    public void Configure(EntityTypeBuilder<UponUser> builder) => builder.Property(u => u.DisplayName).HasMaxLength(200);
}
