/** S3: Amazon buyers' personal data is kept this many days after the ship date (出荷日). */
export const PII_RETENTION_DAYS = 30;

export const PII_PURGE_REASON = 'Amazon注文の個人情報を出荷日から30日経過のため削除しました。';

/** What a buyer's deleted personal data shows as: in the list, 注文詳細 and the printed documents. */
export const PII_PURGED_TEXT = '（個人情報削除済み）';
