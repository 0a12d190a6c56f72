using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Upon.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApiTokenOrigin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CreatedInSignIn",
                table: "api_tokens",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedWithPasskey",
                table: "api_tokens",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CreatedInSignIn",
                table: "api_tokens");

            migrationBuilder.DropColumn(
                name: "CreatedWithPasskey",
                table: "api_tokens");
        }
    }
}
