CREATE TABLE "consumer_positions" (
	"consumer" text NOT NULL,
	"chain_id" integer NOT NULL,
	"block_number" bigint NOT NULL,
	"block_hash" text NOT NULL,
	"log_index" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consumer_positions_consumer_chain_id_pk" PRIMARY KEY("consumer","chain_id")
);
--> statement-breakpoint
CREATE TABLE "consumer_state" (
	"consumer" text NOT NULL,
	"chain_id" integer NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	CONSTRAINT "consumer_state_consumer_chain_id_key_pk" PRIMARY KEY("consumer","chain_id","key")
);
--> statement-breakpoint
CREATE TABLE "consumer_state_undo" (
	"consumer" text NOT NULL,
	"chain_id" integer NOT NULL,
	"block_number" bigint NOT NULL,
	"key" text NOT NULL,
	"previous" jsonb,
	CONSTRAINT "consumer_state_undo_consumer_chain_id_block_number_key_pk" PRIMARY KEY("consumer","chain_id","block_number","key")
);
