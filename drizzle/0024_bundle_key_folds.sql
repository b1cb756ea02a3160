-- F10 同梱設定 (S14): the bundle key now folds kanji numerals of 丁目/番地/番/号, ヶ/ケ/が between
-- kanji and common 異体字 (src-shared/text/address-fold.ts). Open orders get their key again
-- from chumon_bundle_key so that orders stored before compare the same way as new ones.
UPDATE `orders` SET `bundle_key` = chumon_bundle_key(`buyer_name`, `ship_postal_code`, `ship_prefecture`, `ship_address1`, `ship_address2`)
WHERE `status` IN ('new', 'stock_confirmed', 'out_of_stock', 'paid', 'awaiting_shipment');
