using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Upon.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Register : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "regions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_regions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "authorities",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    OperatingFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    OperatingTo = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_authorities", x => x.Code);
                    table.ForeignKey(
                        name: "FK_authorities_regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "appointments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorityCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    PersonKey = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    LeavingReason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Unplanned = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_appointments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_appointments_authorities_AuthorityCode",
                        column: x => x.AuthorityCode,
                        principalTable: "authorities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_appointments_people_PersonKey",
                        column: x => x.PersonKey,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "authority_gss_codes",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    AuthorityCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_authority_gss_codes", x => new { x.Code, x.ValidFrom });
                    table.ForeignKey(
                        name: "FK_authority_gss_codes_authorities_AuthorityCode",
                        column: x => x.AuthorityCode,
                        principalTable: "authorities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_appointments_AuthorityCode_PersonKey_StartDate",
                table: "appointments",
                columns: new[] { "AuthorityCode", "PersonKey", "StartDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_appointments_AuthorityCode_StartDate",
                table: "appointments",
                columns: new[] { "AuthorityCode", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_appointments_PersonKey",
                table: "appointments",
                column: "PersonKey");

            migrationBuilder.CreateIndex(
                name: "IX_authorities_RegionCode",
                table: "authorities",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_authority_gss_codes_AuthorityCode",
                table: "authority_gss_codes",
                column: "AuthorityCode");

            migrationBuilder.CreateIndex(
                name: "IX_people_PersonId",
                table: "people",
                column: "PersonId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appointments");

            migrationBuilder.DropTable(
                name: "authority_gss_codes");

            migrationBuilder.DropTable(
                name: "people");

            migrationBuilder.DropTable(
                name: "authorities");

            migrationBuilder.DropTable(
                name: "regions");
        }
    }
}
