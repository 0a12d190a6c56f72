using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Upon.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CoachingWishCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CountedMust",
                table: "coaching_requests",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CountedMustMet",
                table: "coaching_requests",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CountedWouldLike",
                table: "coaching_requests",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CountedWouldLikeMet",
                table: "coaching_requests",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CountedMust",
                table: "coaching_requests");

            migrationBuilder.DropColumn(
                name: "CountedMustMet",
                table: "coaching_requests");

            migrationBuilder.DropColumn(
                name: "CountedWouldLike",
                table: "coaching_requests");

            migrationBuilder.DropColumn(
                name: "CountedWouldLikeMet",
                table: "coaching_requests");
        }
    }
}
