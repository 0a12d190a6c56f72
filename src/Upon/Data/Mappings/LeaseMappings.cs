using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upon.Shared.Leases;

namespace Upon.Data.Mappings;

public sealed class LeaseMappings : IEntityTypeConfiguration<Lease>
{
    public void Configure(EntityTypeBuilder<Lease> builder)
    {
        builder.ToTable("leases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(Lease.MaxNameLength);
        builder.Property(l => l.Holder).HasMaxLength(Lease.MaxHolderLength);
    }
}
