using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Upon.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ImportsAndUploads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "RecordedOn",
                table: "appointments",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "pending_uploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    FileContent = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pending_uploads", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pending_uploads_ExpiresAt",
                table: "pending_uploads",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pending_uploads");

            migrationBuilder.DropColumn(
                name: "RecordedOn",
                table: "appointments");
        }
    }
}
