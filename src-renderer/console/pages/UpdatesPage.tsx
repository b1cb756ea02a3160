import { useState, type FormEvent } from 'react';
import {
  UPDATE_PLATFORMS,
  type AppRelease,
  type Rollout,
  type UpdatePlatform,
} from '../../../src-shared/console/updates.js';
import { FormError } from '../../src/components/FormError.js';
import { RowsTable } from '../../src/components/RowsTable.js';
import { formatJst } from '../../src/format.js';
import { call, upload } from '../api.js';
import type { PageProps } from '../page-props.js';
import { useLoad } from '../use-load.js';

const ROLLOUT_LABELS: Record<Rollout, string> = { held: '保留', stores: '店舗ごと', all: '全店舗' };
const size = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** 管理者: latest.yml and its installer from one electron-builder build, uploaded together. */
function UploadForm({ onUploaded }: { onUploaded(release: AppRelease): void }) {
  const [platform, setPlatform] = useState<UpdatePlatform>('windows');
  const [yml, setYml] = useState<File | null>(null);
  const [installer, setInstaller] = useState<File | null>(null);
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!yml || !installer) return setError('latest.yml とインストーラーの両方を選んでください。');
    const form = new FormData();
    form.append('platform', platform);
    form.append('notes', notes);
    form.append('yml', yml);
    form.append('installer', installer);
    setBusy(true);
    setError('');
    upload<AppRelease>('./files/updates', form)
      .then(
        (release) => {
          (e.target as HTMLFormElement).reset();
          setYml(null);
          setInstaller(null);
          setNotes('');
          onUploaded(release);
        },
        (err: Error) => setError(err.message),
      )
      .finally(() => setBusy(false));
  };
  return (
    <form className="page-tools" onSubmit={submit} aria-label="更新のアップロード">
      <label>
        OS
        <select value={platform} onChange={(e) => setPlatform(e.target.value as UpdatePlatform)}>
          {(Object.keys(UPDATE_PLATFORMS) as UpdatePlatform[]).map((p) => (
            <option key={p} value={p}>
              {UPDATE_PLATFORMS[p].label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {UPDATE_PLATFORMS[platform].channelFile}
        <input
          type="file"
          accept=".yml,.yaml"
          aria-label="latest.yml"
          onChange={(e) => setYml(e.target.files?.[0] ?? null)}
        />
      </label>
      <label>
        インストーラー（{UPDATE_PLATFORMS[platform].extension}、300MBまで）
        <input type="file" aria-label="インストーラー" onChange={(e) => setInstaller(e.target.files?.[0] ?? null)} />
      </label>
      <label>
        メモ
        <input value={notes} maxLength={2000} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? 'アップロード中…' : 'アップロード'}
      </button>
      <FormError message={error} />
    </form>
  );
}

/** Who gets a release: 保留, the chosen stores, or every store. */
function RolloutForm({ release, onSaved }: { release: AppRelease; onSaved(): void }) {
  const stores = useLoad(() => call('console:stores', {}), []);
  const [rollout, setRollout] = useState<Rollout>(release.rollout);
  const [storeIds, setStoreIds] = useState<string[]>(release.storeIds);
  const [error, setError] = useState('');
  const toggle = (id: string) =>
    setStoreIds(storeIds.includes(id) ? storeIds.filter((s) => s !== id) : [...storeIds, id]);
  const save = () =>
    call('console:saveRollout', { id: release.id, rollout, storeIds }).then(onSaved, (e: Error) => setError(e.message));
  return (
    <div className="rollout" aria-label={`配布先 ${release.version}`}>
      <select aria-label="配布" value={rollout} onChange={(e) => setRollout(e.target.value as Rollout)}>
        {(Object.keys(ROLLOUT_LABELS) as Rollout[]).map((r) => (
          <option key={r} value={r}>
            {ROLLOUT_LABELS[r]}
          </option>
        ))}
      </select>
      {rollout === 'stores'
        ? (stores.value ?? []).map((s) => (
            <label key={s.id}>
              <input type="checkbox" checked={storeIds.includes(s.id)} onChange={() => toggle(s.id)} />
              {s.name}
            </label>
          ))
        : null}
      <button type="button" onClick={save}>
        配布先を保存
      </button>
      <FormError message={error} />
    </div>
  );
}

/**
 * 更新: the store app's versions head office uploaded and which stores' PCs get each. A new
 * upload is 保留 until rolled out; a PC gets the newest version rolled out to its store.
 */
export function UpdatesPage({ canWrite }: PageProps) {
  const releases = useLoad(() => call('console:releases', {}), []);
  const [message, setMessage] = useState('');
  const where = (r: AppRelease) =>
    r.rollout === 'stores' ? `店舗ごと（${r.storeIds.join('、')}）` : ROLLOUT_LABELS[r.rollout];
  return (
    <>
      {canWrite ? (
        <section className="console-section">
          <h2>アップロード</h2>
          <p className="muted">
            electron-builder が作った {UPDATE_PLATFORMS.windows.channelFile}{' '}
            とインストーラーを選びます。登録した版は「保留」で、配布先を選ぶまでどの PC にも届きません。
          </p>
          <UploadForm
            onUploaded={(r) => {
              setMessage(`バージョン ${r.version} を登録しました（保留）。`);
              releases.reload();
            }}
          />
          {message ? <p role="status">{message}</p> : null}
        </section>
      ) : null}
      <section className="console-section" aria-label="登録済みの版">
        <h2>登録済みの版</h2>
        <FormError message={releases.error} />
        {releases.value?.length === 0 ? <p>登録された版はまだありません。</p> : null}
        <RowsTable
          label="登録済みの版"
          rows={releases.value ?? []}
          rowKey={(r) => r.id}
          columns={[
            { header: 'バージョン', cell: (r) => r.version },
            { header: 'OS', cell: (r) => UPDATE_PLATFORMS[r.platform].label },
            { header: 'ファイル', cell: (r) => `${r.fileName}（${size(r.bytes)}）` },
            { header: '登録', cell: (r) => `${formatJst(r.uploadedAt)} ${r.uploadedBy}` },
            { header: 'メモ', cell: (r) => r.notes },
            {
              header: '配布先',
              cell: (r) =>
                canWrite ? (
                  <RolloutForm key={`${r.id}-${r.rollout}`} release={r} onSaved={releases.reload} />
                ) : (
                  where(r)
                ),
            },
          ]}
        />
      </section>
    </>
  );
}
