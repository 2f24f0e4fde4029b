CREATE TABLE "chains" (
	"chain_id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"head_block" bigint,
	"indexed_block" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ingest_cursors" (
	"chain_id" integer PRIMARY KEY NOT NULL,
	"block_number" bigint NOT NULL,
	"block_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pools" (
	"chain_id" integer NOT NULL,
	"address" text NOT NULL,
	"protocol" text NOT NULL,
	"factory" text,
	"token0" text NOT NULL,
	"token1" text NOT NULL,
	"created_block" bigint,
	CONSTRAINT "pools_chain_id_address_pk" PRIMARY KEY("chain_id","address")
);
--> statement-breakpoint
CREATE TABLE "tokens" (
	"chain_id" integer NOT NULL,
	"address" text NOT NULL,
	"symbol" text,
	"name" text,
	"decimals" integer,
	CONSTRAINT "tokens_chain_id_address_pk" PRIMARY KEY("chain_id","address")
);
