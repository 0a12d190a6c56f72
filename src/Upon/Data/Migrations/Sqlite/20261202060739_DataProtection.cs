using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Upon.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "subject_requests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true)
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
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_events_no_update;");
            migrationBuilder.Sql("UPDATE audit_events SET Changes = (SELECT json_group_object(j.key, CASE WHEN j.key IN ('EthnicityCode', 'Sex', 'Disability') THEN json('{\"changed\":true}') WHEN j.type IN ('object', 'array') THEN json(j.value) ELSE j.value END) FROM json_each(audit_events.Changes) AS j) WHERE EntityType = 'EqualityInformation' AND Changes IS NOT NULL AND json_valid(Changes) AND json_type(Changes) = 'object';");
            migrationBuilder.Sql("UPDATE audit_events SET Changes = (SELECT json_group_object(j.key, CASE WHEN j.key IN ('Characteristic') THEN json('{\"changed\":true}') WHEN j.type IN ('object', 'array') THEN json(j.value) ELSE j.value END) FROM json_each(audit_events.Changes) AS j) WHERE EntityType = 'CoachConsent' AND Changes IS NOT NULL AND json_valid(Changes) AND json_type(Changes) = 'object';");
            migrationBuilder.Sql("UPDATE audit_events SET Changes = (SELECT json_group_object(j.key, CASE WHEN j.key IN ('Must', 'WouldLike') THEN json('{\"changed\":true}') WHEN j.type IN ('object', 'array') THEN json(j.value) ELSE j.value END) FROM json_each(audit_events.Changes) AS j) WHERE EntityType = 'CoachingRequest' AND Changes IS NOT NULL AND json_valid(Changes) AND json_type(Changes) = 'object';");
            migrationBuilder.Sql("UPDATE audit_events SET Changes = (SELECT json_group_object(j.key, CASE WHEN j.key IN ('Reasons') THEN json('{\"changed\":true}') WHEN j.type IN ('object', 'array') THEN json(j.value) ELSE j.value END) FROM json_each(audit_events.Changes) AS j) WHERE EntityType = 'RoundProposal' AND Changes IS NOT NULL AND json_valid(Changes) AND json_type(Changes) = 'object';");
            migrationBuilder.Sql("CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events WHEN NEW.ShreddedAt IS NULL OR NEW.Id IS NOT OLD.Id OR NEW.At IS NOT OLD.At OR NEW.Action IS NOT OLD.Action OR NEW.EntityType IS NOT OLD.EntityType OR NEW.EntityId IS NOT OLD.EntityId BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: an entry can only be shredded'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_events_no_update;");
            migrationBuilder.Sql("CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;");
            migrationBuilder.DropTable(
                name: "subject_requests");

            migrationBuilder.DropColumn(
                name: "ShreddedAt",
                table: "audit_events");
        }
    }
}
