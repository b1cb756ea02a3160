/** What a buyer's deleted personal data (S3) shows as, in the list and in 注文詳細. */
export const PURGED = '（個人情報削除済み）';
