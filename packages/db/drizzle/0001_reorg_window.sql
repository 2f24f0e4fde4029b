CREATE TABLE "ingest_block_window" (
	"chain_id" integer NOT NULL,
	"block_number" bigint NOT NULL,
	"block_hash" text NOT NULL,
	CONSTRAINT "ingest_block_window_chain_id_block_number_pk" PRIMARY KEY("chain_id","block_number")
);
--> statement-breakpoint
ALTER TABLE "chains" ADD COLUMN "finalized_block" bigint;--> statement-breakpoint
ALTER TABLE "pools" ADD COLUMN "created_block_hash" text;