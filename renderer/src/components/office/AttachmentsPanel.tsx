import { useState } from 'react';
import { Button, Card, Empty, Image, List, Popconfirm, Space, Typography, Upload, App as AntApp } from 'antd';
import { DeleteOutlined, FileOutlined, FilePdfOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_TYPES, type AttachmentRow } from '@contract';
import { call } from '../../api/client';
import { readChunks, saveBytes, uploadFile } from '../../api/files';
import { attempt, showFailure, useLoaded } from '../failure';

type Entity = AttachmentRow['entity'];
const ACCEPT = Object.keys(ATTACHMENT_TYPES)
  .map((e) => `.${e}`)
  .join(',');
const THUMB = 240;

/** A small JPEG of an image, made here (the core has no image library): what the drawer shows. */
async function thumbnailOf(file: File): Promise<string | null> {
  if (!/^image\/(jpeg|png|gif|webp)$/.test(file.type)) return null;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, THUMB / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/jpeg', 0.8).split(',')[1] ?? null;
  } catch {
    return null;
  }
}

/**
 * Photos and documents on a record: add (type and size checked by the core), see thumbnails, open
 * with the system viewer on the desktop (in a browser: view images, download the rest), delete to
 * the recycle bin.
 */
/** 157 B, 12 KB, 3.4 MB: never "0 KB" for a small file. */
const fileSize = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${Math.round(bytes / 1024)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function AttachmentsPanel({
  entity,
  entityId,
  canEdit,
}: {
  entity: Entity;
  entityId: number;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);
  const listed = useLoaded(() => call('attachments.list', { entity, entityId }), [entity, entityId]);
  const rows = listed.data?.rows ?? (listed.failed ? [] : null);
  const load = listed.reload;

  const add = async (file: File) => {
    setBusy(true);
    try {
      const fileId = await uploadFile(file);
      await call('attachments.add', { entity, entityId, fileId, thumbnail: await thumbnailOf(file) });
      void message.success(t('attachments.added', { name: file.name }));
      load();
    } catch (err) {
      showFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const open = (row: AttachmentRow) =>
    attempt(async () => {
      const { name, bytes } = await readChunks((offset) => call('attachments.read', { id: row.id, offset }));
      if (window.griddesk) return void window.griddesk.openFile(name, bytes);
      if (row.mime.startsWith('image/')) return setPreview(URL.createObjectURL(new Blob([bytes], { type: row.mime })));
      saveBytes(name, bytes, row.mime);
    });

  return (
    <Card
      size="small"
      title={
        <Space>
          <PaperClipOutlined />
          {t('attachments.title')}
        </Space>
      }
      extra={
        canEdit && (
          <Upload accept={ACCEPT} multiple showUploadList={false} beforeUpload={(f) => (void add(f), false)}>
            <Button size="small" loading={busy} data-testid="attachment-add">
              {t('attachments.add')}
            </Button>
          </Upload>
        )
      }
      data-testid="attachments"
    >
      {rows && rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attachments.none')} />
      ) : (
        <List
          grid={{ gutter: 8, column: 4 }}
          dataSource={rows ?? []}
          loading={rows === null}
          renderItem={(row) => (
            <List.Item>
              <div className="attachment-tile" data-testid="attachment-tile">
                <button
                  type="button"
                  className="attachment-thumb"
                  onClick={() => void open(row)}
                  title={t('attachments.open')}
                >
                  {row.thumbnail ? (
                    <img src={row.thumbnail} alt={row.fileName} />
                  ) : row.mime === 'application/pdf' ? (
                    <FilePdfOutlined />
                  ) : (
                    <FileOutlined />
                  )}
                </button>
                <Typography.Text ellipsis={{ tooltip: row.fileName }} style={{ width: '100%' }}>
                  {row.fileName}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                  {fileSize(row.size)} · {row.createdBy}
                </Typography.Text>
                {canEdit && (
                  <Popconfirm
                    title={t('attachments.deleteConfirm')}
                    onConfirm={() => attempt(async () => (await call('attachments.delete', { ids: [row.id] }), load()))}
                  >
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                  </Popconfirm>
                )}
              </div>
            </List.Item>
          )}
        />
      )}
      {preview && (
        <Image
          style={{ display: 'none' }}
          src={preview}
          preview={{
            visible: true,
            src: preview,
            onVisibleChange: (v) => !v && (URL.revokeObjectURL(preview), setPreview(null)),
          }}
        />
      )}
    </Card>
  );
}
