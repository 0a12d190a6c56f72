using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Upon.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DataProtection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ShreddedAt",
                table: "audit_events",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "subject_requests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subject_requests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_subject_requests_CompletedAt_DueOn",
                table: "subject_requests",
                columns: new[] { "CompletedAt", "DueOn" });

            // The audit log keeps no special-category values. This migration, and nothing else, rewrites the entries written
            // before: each special-category field (equality answers, a coach's consented characteristics, what a participant
            // asked for in a coach, the matching's reasons) becomes {"changed":true}, as AuditChanges now writes it. Then the
            // append-only trigger comes back allowing one kind of update only: shredding by an erasure, which must set
            // ShreddedAt and keep the entry's id, time, action and record; deleting stays refused.
            migrationBuilder.Sql("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change;");
            migrationBuilder.Sql(@"UPDATE audit_events SET ""Changes"" = (SELECT json_object_agg(j.key, CASE WHEN j.key IN ('EthnicityCode', 'Sex', 'Disability') THEN '{""changed"":true}'::json ELSE j.value END)::text FROM json_each(""Changes""::json) AS j) WHERE ""EntityType"" = 'EqualityInformation' AND ""Changes"" LIKE '{%' AND ""Changes"" <> '{}';");
            migrationBuilder.Sql(@"UPDATE audit_events SET ""Changes"" = (SELECT json_object_agg(j.key, CASE WHEN j.key IN ('Characteristic') THEN '{""changed"":true}'::json ELSE j.value END)::text FROM json_each(""Changes""::json) AS j) WHERE ""EntityType"" = 'CoachConsent' AND ""Changes"" LIKE '{%' AND ""Changes"" <> '{}';");
            migrationBuilder.Sql(@"UPDATE audit_events SET ""Changes"" = (SELECT json_object_agg(j.key, CASE WHEN j.key IN ('Must', 'WouldLike') THEN '{""changed"":true}'::json ELSE j.value END)::text FROM json_each(""Changes""::json) AS j) WHERE ""EntityType"" = 'CoachingRequest' AND ""Changes"" LIKE '{%' AND ""Changes"" <> '{}';");
            migrationBuilder.Sql(@"UPDATE audit_events SET ""Changes"" = (SELECT json_object_agg(j.key, CASE WHEN j.key IN ('Reasons') THEN '{""changed"":true}'::json ELSE j.value END)::text FROM json_each(""Changes""::json) AS j) WHERE ""EntityType"" = 'RoundProposal' AND ""Changes"" LIKE '{%' AND ""Changes"" <> '{}';");
            migrationBuilder.Sql("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change;");
            migrationBuilder.Sql(@"CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.""ShreddedAt"" IS NOT NULL AND NEW.""Id"" = OLD.""Id"" AND NEW.""At"" = OLD.""At"" AND NEW.""Action"" = OLD.""Action""
       AND NEW.""EntityType"" IS NOT DISTINCT FROM OLD.""EntityType"" AND NEW.""EntityId"" IS NOT DISTINCT FROM OLD.""EntityId"" THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'The audit log is append-only: an entry can only be shredded';
END;
$$;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'The audit log is append-only';
END;
$$;");
            migrationBuilder.DropTable(
                name: "subject_requests");

            migrationBuilder.DropColumn(
                name: "ShreddedAt",
                table: "audit_events");
        }
    }
}
