using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upon.Impact;

namespace Upon.Data.Mappings;

public sealed class ImpactMappings :
    IEntityTypeConfiguration<ReturnSubmission>, IEntityTypeConfiguration<WorkforceEthnicityFigure>, IEntityTypeConfiguration<CensusEthnicityFigure>,
    IEntityTypeConfiguration<EqualityBaliGraduate>
{
    public void Configure(EntityTypeBuilder<ReturnSubmission> builder)
    {
        builder.ToTable("return_submissions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Period).HasMaxLength(10);
        builder.HasIndex(s => new { s.Period, s.Version }).IsUnique();
        builder.Property(s => s.SubmittedBy).HasMaxLength(320);
        builder.Property(s => s.Note).HasMaxLength(ReturnSubmission.MaxNoteLength);
    }

    public void Configure(EntityTypeBuilder<WorkforceEthnicityFigure> builder)
    {
        builder.ToTable("workforce_ethnicity");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Level).HasMaxLength(20);
        builder.Property(f => f.AreaCode).HasMaxLength(20);
        builder.Property(f => f.AreaName).HasMaxLength(WorkforceEthnicityFigure.MaxTextLength);
        builder.Property(f => f.Role).HasMaxLength(WorkforceEthnicityFigure.MaxTextLength);
        builder.Property(f => f.EthnicGroup).HasMaxLength(WorkforceEthnicityFigure.MaxTextLength);
        builder.HasIndex(f => new { f.Year, f.AreaCode, f.Role, f.EthnicGroup }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<CensusEthnicityFigure> builder)
    {
        builder.ToTable("census_ethnicity");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Level).HasMaxLength(20);
        builder.Property(f => f.AreaCode).HasMaxLength(20);
        builder.Property(f => f.AreaName).HasMaxLength(CensusEthnicityFigure.MaxTextLength);
        builder.Property(f => f.Category).HasMaxLength(CensusEthnicityFigure.MaxTextLength);
        builder.HasIndex(f => new { f.AreaCode, f.CategoryCode }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<EqualityBaliGraduate> builder)
    {
        builder.ToTable("bali_graduates");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Email).HasMaxLength(EqualityBaliGraduate.MaxEmailLength);
        builder.HasIndex(g => g.Email).IsUnique();
        builder.Property(g => g.GivenName).HasMaxLength(EqualityBaliGraduate.MaxNameLength);
        builder.Property(g => g.FamilyName).HasMaxLength(EqualityBaliGraduate.MaxNameLength);
        builder.Property(g => g.Source).HasMaxLength(20);
    }
}
