-- Orders made on a PC now journal their own 'create' operation (F1 import, in the same
-- transaction as the insert): the capture trigger of 0009 would queue each one twice.
DROP TRIGGER IF EXISTS `sync_capture_order_insert`;
