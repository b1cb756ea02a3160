import { useEffect, useState, type FormEvent } from 'react';
import type { FileUpload } from '../../../../src-shared/api/files.js';
import type { ImportMapping, ImportNeedsMapping, ImportPreview } from '../../../../src-shared/api/imports.js';
import { CHANNEL_LABELS } from '../../../../src-shared/domain/channels.js';
import { invoke } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { useScreen } from '../../screen/screen-context.js';
import { readUpload } from '../files/transfer.js';
import { ImportPreviewView } from './ImportPreviewView.js';
import { MappingForm } from './MappingForm.js';
import { FormError } from '../../components/FormError.js';

type Step =
  { kind: 'choose' } | { kind: 'mapping'; needs: ImportNeedsMapping } | { kind: 'preview'; preview: ImportPreview };
type YahooChannel = 'yahoo_auction' | 'yahoo_shopping';

/**
 * F1 Yahoo!オークションCSV取込 (S7): choose the file(s), see what would happen (new, already
 * imported, rejected lines with reasons), then 取込 in one go. Amazon's report, 楽天's order
 * data and any layout with a saved mapping come in the same way.
 */
export function ImportDialog() {
  const screen = useScreen();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [files, setFiles] = useState<File[]>([]);
  const [uploads, setUploads] = useState<FileUpload[] | null>(null);
  const [channel, setChannel] = useState<YahooChannel>('yahoo_auction');
  const [mappings, setMappings] = useState<ImportMapping[]>([]);
  const [mappingId, setMappingId] = useState<number | ''>('');
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');

  // The saved mappings, and the 販路 and file layout chosen last time (still there).
  useEffect(() => {
    Promise.all([invoke('imports:mappings', {}), invoke('ui:state', {})]).then(
      ([saved, ui]) => {
        setMappings(saved);
        const last = ui.lastImport;
        if (!last) return;
        setChannel(last.channel);
        if (saved.some((m) => m.id === last.mappingId)) setMappingId(last.mappingId ?? '');
      },
      (e: Error) => setError(e.message),
    );
  }, []);

  /** Chooses the 販路 and the layout, remembered for the next F1. */
  const choose = (next: { channel: YahooChannel; mappingId: number | '' }) => {
    setChannel(next.channel);
    setMappingId(next.mappingId);
    invoke('ui:saveImport', {
      channel: next.channel,
      mappingId: next.mappingId === '' ? null : next.mappingId,
    }).catch((e: Error) => setError(e.message));
  };

  const preview = async (chosenMapping: number | '' = mappingId, chosenFiles?: File[]) => {
    setError('');
    setBusy('ファイルを読み込んでいます…');
    try {
      const read = (!chosenFiles && uploads) || (await Promise.all((chosenFiles ?? files).map(readUpload)));
      setUploads(read);
      const result = await invoke('imports:preview', {
        files: read,
        channel,
        mappingId: chosenMapping === '' ? undefined : chosenMapping,
      });
      setStep(result.kind === 'preview' ? { kind: 'preview', preview: result } : { kind: 'mapping', needs: result });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy('');
    }
  };

  const commit = async (previewId: string) => {
    setError('');
    setBusy('取り込んでいます…');
    try {
      const result = await invoke('imports:commit', { previewId });
      screen.closeDialog();
      screen.notify(
        'info',
        `取込が終わりました: 新規 ${result.inserted.toLocaleString('ja-JP')}件・更新 ${result.updated.toLocaleString('ja-JP')}件・変更なし ${result.unchanged.toLocaleString('ja-JP')}件${result.rejected ? `・取り込まなかった注文 ${result.rejected.toLocaleString('ja-JP')}件` : ''}`,
      );
    } catch (e) {
      setError((e as Error).message);
      setBusy('');
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (files.length === 0) setError('取り込む CSV ファイルを選んでください。');
    else void preview();
  };

  const footer =
    step.kind === 'preview' ? (
      <>
        <button type="button" onClick={() => setStep({ kind: 'choose' })} disabled={!!busy}>
          戻る
        </button>
        <button
          type="button"
          // The next step once the file is read: Enter imports.
          autoFocus
          onClick={() => !busy && void commit(step.preview.previewId)}
          disabled={step.preview.counts.new + step.preview.counts.updated === 0}
          aria-disabled={!!busy}
        >
          取込
        </button>
      </>
    ) : null;

  return (
    <Dialog title="Yahoo!オークションCSV取込" onClose={screen.closeDialog} wide footer={footer}>
      {step.kind === 'choose' ? (
        <form className="form" onSubmit={submit} aria-label="取り込むファイル">
          <label>
            CSVファイル
            <input
              type="file"
              multiple
              autoFocus
              accept=".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values"
              onChange={(e) => {
                // Chosen files are read at once; 読込 reads them again (after changing the layout, say).
                const chosen = [...(e.target.files ?? [])];
                setFiles(chosen);
                setUploads(null);
                if (chosen.length > 0) void preview(mappingId, chosen);
              }}
            />
          </label>
          <p className="form-hint">
            Yahoo! ストアの注文CSV（1ファイル、または注文ファイルと商品ファイルの2つ）、Amazon
            の未出荷注文レポート、楽天市場の受注データ（楽天ペイ）、またはマッピングを保存した形式。文字コード（Shift_JIS・UTF-8）は自動で判別します。
          </p>
          <label>
            販路（Yahoo! の CSV のとき）
            <select value={channel} onChange={(e) => choose({ channel: e.target.value as YahooChannel, mappingId })}>
              <option value="yahoo_auction">{CHANNEL_LABELS.yahoo_auction}</option>
              <option value="yahoo_shopping">{CHANNEL_LABELS.yahoo_shopping}</option>
            </select>
          </label>
          <label>
            ファイルの形式
            <select
              value={mappingId}
              onChange={(e) => choose({ channel, mappingId: e.target.value === '' ? '' : Number(e.target.value) })}
            >
              <option value="">自動判別（Yahoo! / Amazon / 楽天）</option>
              {mappings.map((m) => (
                <option key={m.id} value={m.id}>
                  マッピング: {m.name}（{CHANNEL_LABELS[m.channel]}）
                </option>
              ))}
            </select>
          </label>
          <div className="form-actions">
            <button type="submit" disabled={!!busy}>
              読込
            </button>
          </div>
        </form>
      ) : step.kind === 'mapping' ? (
        <MappingForm
          fileName={step.needs.fileName}
          headers={step.needs.headers}
          message={step.needs.message}
          onCancel={() => setStep({ kind: 'choose' })}
          onSaved={(mapping) => {
            setMappings((list) => [...list.filter((m) => m.id !== mapping.id), mapping]);
            choose({ channel, mappingId: mapping.id });
            void preview(mapping.id);
          }}
        />
      ) : (
        <ImportPreviewView preview={step.preview} />
      )}
      {busy ? (
        <p role="status" className="form-hint">
          {busy}
        </p>
      ) : null}
      <FormError message={error} />
    </Dialog>
  );
}
