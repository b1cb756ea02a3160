-- The buyer-text trigger of 0014 ran its UPDATE as a static statement, and PL/pgSQL keeps the
-- plan of a statement without parameters until the session ends or the tables' planner
-- figures change (ANALYZE). The plan was made for the size of that first call's transition
-- table: after an UPDATE of thousands of orders (a PC's push, a bulk change) as that call, the
-- trigger joined by reading the whole buyer-text table, about a second on 1,000,000 orders for
-- every later UPDATE of orders, however small. Run through EXECUTE, the statement is planned
-- for each call's size: an index lookup per order for a few, one pass over the table for very
-- many.
CREATE OR REPLACE FUNCTION "chumon_buyer_text_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE $sql$
    UPDATE "order_buyer_text" t SET "text" = n."text", "ordered_at" = n."ordered_at"
      FROM (SELECT "id", "ordered_at", "buyer_name" || ' ' || "buyer_kana" || ' ' || "buyer_email" || ' ' || "buyer_phone" AS "text"
            FROM "updated_orders") n
      WHERE t."order_id" = n."id" AND (t."text", t."ordered_at") IS DISTINCT FROM (n."text", n."ordered_at")
  $sql$;
  RETURN NULL;
END $$;
