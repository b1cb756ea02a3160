-- The buyer-text trigger (0014, 0015) fired for every UPDATE of orders: it kept each updated
-- row in a transition table and joined them all with the buyer-text table, planned anew by
-- EXECUTE at each call. Every status change a PC pushes and every intake's numbering of its
-- new orders paid for it, though the buyer's text rarely changes. It now fires per row, only
-- for an UPDATE that sets one of the columns the text is made of (a buyer edit, the Amazon
-- personal-data purge), and only where one of them changed: one lookup by order id.
DROP TRIGGER "orders_buyer_text_update" ON "orders";
--> statement-breakpoint
DROP FUNCTION "chumon_buyer_text_update"();
--> statement-breakpoint
CREATE FUNCTION "chumon_buyer_text_row_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "order_buyer_text"
    SET "text" = NEW."buyer_name" || ' ' || NEW."buyer_kana" || ' ' || NEW."buyer_email" || ' ' || NEW."buyer_phone",
        "ordered_at" = NEW."ordered_at"
    WHERE "order_id" = NEW."id";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "orders_buyer_text_update"
  AFTER UPDATE OF "buyer_name", "buyer_kana", "buyer_email", "buyer_phone", "ordered_at" ON "orders"
  FOR EACH ROW
  WHEN ((OLD."buyer_name", OLD."buyer_kana", OLD."buyer_email", OLD."buyer_phone", OLD."ordered_at")
    IS DISTINCT FROM (NEW."buyer_name", NEW."buyer_kana", NEW."buyer_email", NEW."buyer_phone", NEW."ordered_at"))
  EXECUTE FUNCTION "chumon_buyer_text_row_update"();
