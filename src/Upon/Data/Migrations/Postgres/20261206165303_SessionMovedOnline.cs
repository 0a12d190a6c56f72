using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Upon.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SessionMovedOnline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "MovedOnline",
                table: "sessions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Online was read from the status, which a later postponement replaced; sessions moved online keep it now.
            migrationBuilder.Sql("UPDATE sessions SET \"MovedOnline\" = TRUE WHERE \"Status\" = 'MovedOnline';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MovedOnline",
                table: "sessions");
        }
    }
}
