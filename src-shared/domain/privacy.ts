/** S3: Amazon buyers' personal data is kept this many days after the ship date (出荷日). */
export const PII_RETENTION_DAYS = 30;

export const PII_PURGE_REASON = 'Amazon注文の個人情報を出荷日から30日経過のため削除しました。';
