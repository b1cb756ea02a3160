-- Outbox payloads are the wire operation's body of their kind (src-shared/sync/change-bodies.ts):
-- a field change carries its new values under "fields", a mail mark its status under
-- "mailStatus", every entry its time and actor. Changes still queued from before are
-- rewritten to that shape here, so the outbox reader sends each as written.
UPDATE `sync_outbox` SET `payload` = json_set(`payload`, '$.fields', json_object(m.`field`, json(`payload` -> ('$.' || m.`field`))))
FROM (
  SELECT 'sub_status' AS `kind`, 'subStatusId' AS `field` UNION ALL SELECT 'store', 'storeId'
  UNION ALL SELECT 'buyer_rating', 'buyerRating' UNION ALL SELECT 'discount', 'discount'
  UNION ALL SELECT 'shipping_fee', 'shippingFee' UNION ALL SELECT 'cod_fee', 'codFee'
  UNION ALL SELECT 'subtotal', 'subtotal' UNION ALL SELECT 'total', 'total'
  UNION ALL SELECT 'order_comment', 'orderComment' UNION ALL SELECT 'staff_comment', 'staffComment'
  UNION ALL SELECT 'bundle', 'bundleGroup'
) AS m
WHERE `sync_outbox`.`kind` = m.`kind` AND `state` = 'pending' AND `entity` = 'order' AND `payload` -> '$.fields' IS NULL;
--> statement-breakpoint
UPDATE `sync_outbox` SET `payload` = json_set(`payload`, '$.fields', (
  SELECT json_group_object(j.`key`, json(`sync_outbox`.`payload` -> j.`fullkey`)) FROM json_each(`sync_outbox`.`payload`) AS j
  WHERE j.`key` IN ('orderComment', 'discount', 'shippingFee', 'codFee', 'subtotal', 'total', 'items')))
WHERE `kind` = 'import_update' AND `state` = 'pending' AND `entity` = 'order' AND `payload` -> '$.fields' IS NULL;
--> statement-breakpoint
-- A unit price change sends the order's lines as they are (they were read when sent before).
UPDATE `sync_outbox` SET `payload` = json_set(`payload`, '$.fields', json_object('items', (
  SELECT json_group_array(json_object('lineNo', i.`line_no`, 'sku', i.`sku`, 'title', i.`title`, 'quantity', i.`quantity`,
    'unitPrice', i.`unit_price`, 'location', i.`location`))
  FROM (SELECT * FROM `order_items` WHERE `order_id` = CAST(`sync_outbox`.`entity_id` AS INTEGER) ORDER BY `line_no`) AS i)))
WHERE `kind` = 'unit_price' AND `state` = 'pending' AND `entity` = 'order' AND `payload` -> '$.fields' IS NULL;
--> statement-breakpoint
UPDATE `sync_outbox` SET `payload` = json_set(`payload`, '$.mailStatus', `payload` ->> '$.mail', '$.fields', json('{"mailPending":false}'))
WHERE `kind` = 'mail' AND `state` = 'pending' AND `entity` = 'order' AND `payload` -> '$.fields' IS NULL;
--> statement-breakpoint
UPDATE `sync_outbox` SET `payload` = json_set(`payload`, '$.fields', json_object('mailPending', json(`payload` -> '$.mailPending')),
  '$.at', coalesce(`payload` ->> '$.at', `created_at`),
  '$.actor', coalesce(`payload` -> '$.actor', json_object('operator', '', 'pcId', '', 'storeId', NULL)))
WHERE `kind` = 'mail_state' AND `state` = 'pending' AND `entity` = 'order' AND `payload` -> '$.fields' IS NULL;
--> statement-breakpoint
-- The mail-state capture (0009) writes the same shape from now on. The mailer knows no actor
-- here: the entry records the mark, the mail log records who sent.
DROP TRIGGER IF EXISTS `sync_capture_mail_state`;
--> statement-breakpoint
CREATE TRIGGER `sync_capture_mail_state` AFTER UPDATE OF `mail_pending` ON `orders`
WHEN OLD.`mail_pending` <> NEW.`mail_pending` AND OLD.`status` = NEW.`status`
  AND EXISTS (SELECT 1 FROM `meta` WHERE `key` = 'sync_capture')
BEGIN
  INSERT INTO `sync_outbox` (`op_id`, `entity`, `entity_id`, `kind`, `payload`, `created_at`)
  VALUES (lower(hex(randomblob(16))), 'order', NEW.`id`, 'mail_state',
    json_object('orderNo', NEW.`order_no`, 'at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
      'actor', json_object('operator', '', 'pcId', '', 'storeId', NULL), 'reason', '', 'from', NULL, 'to', NULL,
      'mailStatus', NEW.`status`, 'fields', json_object('mailPending', json(CASE WHEN NEW.`mail_pending` THEN 'true' ELSE 'false' END))),
    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
