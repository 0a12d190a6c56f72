using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upon.Core.Register;
using Upon.Register;

namespace Upon.Data.Mappings;

public sealed class RegisterMappings :
    IEntityTypeConfiguration<Region>,
    IEntityTypeConfiguration<Authority>,
    IEntityTypeConfiguration<AuthorityGssCode>,
    IEntityTypeConfiguration<Person>,
    IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.ToTable("regions");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(9);
        builder.Property(r => r.Name).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<Authority> builder)
    {
        builder.ToTable("authorities");
        builder.HasKey(a => a.Code);
        builder.Property(a => a.Code).HasMaxLength(3);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.RegionCode).HasMaxLength(9);
        builder.HasOne(a => a.Region).WithMany().HasForeignKey(a => a.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.GssCodes).WithOne().HasForeignKey(g => g.AuthorityCode).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(a => a.Period);
    }

    public void Configure(EntityTypeBuilder<AuthorityGssCode> builder)
    {
        builder.ToTable("authority_gss_codes");
        builder.HasKey(g => new { g.Code, g.ValidFrom });
        builder.Property(g => g.Code).HasMaxLength(9);
        builder.Property(g => g.AuthorityCode).HasMaxLength(3);
        builder.Property(g => g.Name).HasMaxLength(200);
        builder.Property(g => g.RegionCode).HasMaxLength(9);
    }

    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("people");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.PersonId).HasMaxLength(64);
        builder.HasIndex(p => p.PersonId).IsUnique();
        builder.Property(p => p.GivenName).HasMaxLength(100);
        builder.Property(p => p.FamilyName).HasMaxLength(100);
        builder.Property(p => p.Email).HasMaxLength(320);
        builder.Ignore(p => p.FullName);
    }

    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.ToTable("appointments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.AuthorityCode).HasMaxLength(3);
        builder.HasIndex(a => new { a.AuthorityCode, a.PersonKey, a.StartDate }).IsUnique();
        builder.HasIndex(a => new { a.AuthorityCode, a.StartDate });
        builder.HasIndex(a => a.PersonKey);
        builder.HasOne(a => a.Authority).WithMany(x => x.Appointments).HasForeignKey(a => a.AuthorityCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Person).WithMany(p => p.Appointments).HasForeignKey(a => a.PersonKey).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Type).HasMaxLength(20)
            .HasConversion(t => t.ToCode(), s => ParseType(s));
        builder.Property(a => a.LeavingReason).HasMaxLength(40)
            .HasConversion(r => r!.Value.ToCode(), s => ParseReason(s));
    }

    internal static AppointmentType ParseType(string code) =>
        RegisterCodes.TryParseAppointmentType(code, out var type) ? type : throw new InvalidOperationException($"Unknown appointment type '{code}' in the database.");

    internal static LeavingReason? ParseReason(string code) =>
        RegisterCodes.TryParseLeavingReason(code, out var reason) ? reason : throw new InvalidOperationException($"Unknown leaving reason '{code}' in the database.");
}
