CREATE TABLE "baselines" (
	"organisation_id" uuid NOT NULL,
	"id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "baselines_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "resident_ref" text GENERATED ALWAYS AS (payload->>'residentRef') STORED;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "programme" text GENERATED ALWAYS AS (coalesce(payload->>'programme', '')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "min_group" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "outcome_types" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "directory" jsonb;--> statement-breakpoint
ALTER TABLE "baselines" ADD CONSTRAINT "baselines_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessments_resident_ref_idx" ON "assessments" USING btree ("organisation_id","resident_ref");--> statement-breakpoint
CREATE INDEX "assessments_programme_idx" ON "assessments" USING btree ("organisation_id","programme");--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_min_group_check" CHECK ("organisations"."min_group" between 2 and 100);