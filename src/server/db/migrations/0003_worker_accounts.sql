CREATE TABLE "vault_secrets" (
	"organisation_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vault_secrets_pkey" PRIMARY KEY("device_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action_check";--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "enrolled_via" uuid;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "lock_minutes" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "username" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "passphrase_hash" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "failed_sign_ins" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "sign_in_locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "vault_secrets" ADD CONSTRAINT "vault_secrets_device_fk" FOREIGN KEY ("organisation_id","device_id") REFERENCES "public"."devices"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vault_secrets" ADD CONSTRAINT "vault_secrets_person_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_enrolled_via_fk" FOREIGN KEY ("organisation_id","enrolled_via") REFERENCES "public"."devices"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_organisation_id_username_key" UNIQUE("organisation_id","username");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action_check" CHECK ("audit_log"."action" in ('enrolment', 'enrolment-code-created', 'device-revoked', 'sign-in', 'sign-in-failed', 'sign-out', 'export', 'erasure', 'retention-run', 'cross-organisation-refusal'));--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_lock_minutes_check" CHECK ("organisations"."lock_minutes" between 1 and 60);