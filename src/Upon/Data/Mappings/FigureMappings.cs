using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upon.Shared.Figures;

namespace Upon.Data.Mappings;

public sealed class FigureMappings : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> builder)
    {
        builder.ToTable("data_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new DataVersion { Id = DataVersion.RowId, Version = 1 });
    }
}

public sealed class StoredFigureMappings : IEntityTypeConfiguration<StoredFigure>
{
    public void Configure(EntityTypeBuilder<StoredFigure> builder)
    {
        builder.ToTable(StoredFigure.Table);
        builder.HasKey(f => f.Key);
        builder.Property(f => f.Key).HasMaxLength(StoredFigure.MaxKeyLength);
        builder.Property(f => f.Build).HasMaxLength(StoredFigure.MaxBuildLength);
    }
}
