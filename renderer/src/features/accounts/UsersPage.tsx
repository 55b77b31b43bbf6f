import { useRef, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import { Button, Form, Input, Modal, Space, Tag, App as AntApp } from 'antd';
import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ROLES, newPassword, userInput, type UserRow } from '@contract';
import { call } from '../../api/client';
import { DataGrid, type DataGridHandle } from '../../components/DataGrid';
import { FormDrawer } from '../../components/FormDrawer';
import { PageTitle } from '../../components/PageTitle';
import { useSchemaSubmit } from '../../components/useSchemaSubmit';
import { SignInLocks } from './SignInLocks';
import { formatDateTime } from '../../i18n/format';

/** Admins create users (with an initial password the user must change), set roles, deactivate, reset passwords. */
export function UsersPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const grid = useRef<DataGridHandle>(null);
  const [editing, setEditing] = useState<Record<string, unknown> | null>(null);
  const [resetFor, setResetFor] = useState<UserRow | null>(null);
  const [resetForm] = Form.useForm();
  const resetting = useSchemaSubmit(resetForm, ['newPassword']);

  const columns: ColDef<UserRow>[] = [
    { field: 'username', headerName: t('accounts.username'), width: 140, filter: 'agTextColumnFilter' },
    { field: 'displayName', headerName: t('accounts.displayName'), width: 140, filter: 'agTextColumnFilter' },
    {
      field: 'role',
      headerName: t('accounts.role'),
      width: 110,
      valueFormatter: (p) => (p.value ? t(`accounts.roles.${p.value as string}`) : ''),
    },
    {
      field: 'active',
      headerName: t('accounts.active'),
      width: 90,
      cellRenderer: (p: { value?: boolean }) =>
        p.value ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>,
    },
    {
      field: 'lastLoginAt',
      headerName: t('accounts.lastLoginAt'),
      width: 180,
      valueFormatter: (p) => formatDateTime(p.value as string),
    },
    {
      // Edit is a button as well as a double-click: nothing else tells an admin a row opens.
      colId: 'actions',
      headerName: '',
      width: 200,
      sortable: false,
      cellRenderer: (p: { data?: UserRow }) =>
        p.data ? (
          <Space size={4}>
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => setEditing({ ...p.data! })}
              data-testid="user-edit"
            >
              {t('common.edit')}
            </Button>
            <Button size="small" icon={<KeyOutlined />} onClick={() => setResetFor(p.data!)}>
              {t('accounts.resetPassword')}
            </Button>
          </Space>
        ) : null,
    },
  ];

  return (
    <div className="page">
      <PageTitle title={t('nav.users')}>
        <SignInLocks />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ role: 'clerk', active: true })}>
          {t('common.add')}
        </Button>
      </PageTitle>
      <DataGrid ref={grid} method="accounts.listUsers" columns={columns} onOpen={(u) => setEditing({ ...u })} />
      <FormDrawer
        open={editing !== null}
        title={editing?.id ? t('common.edit') : t('common.add')}
        schema={userInput}
        width={520}
        fields={[
          { name: 'username', label: t('accounts.username'), kind: 'text', required: true },
          { name: 'displayName', label: t('accounts.displayName'), kind: 'text', required: true },
          {
            name: 'role',
            label: t('accounts.role'),
            kind: 'select',
            required: true,
            options: ROLES.map((r) => ({ value: r, label: t(`accounts.roles.${r}`) })),
          },
          {
            name: 'initialPassword',
            label: t('accounts.initialPassword'),
            kind: 'password',
            hidden: Boolean(editing?.id),
            required: !editing?.id,
          },
          { name: 'active', label: t('accounts.active'), kind: 'checkbox', span: 24 },
        ]}
        initialValues={editing ?? {}}
        onClose={() => setEditing(null)}
        onSubmit={async (v) => {
          await call('accounts.saveUser', v);
          void message.success(t('common.saved'));
          setEditing(null);
          grid.current?.refresh();
        }}
      />
      <Modal
        open={resetFor !== null}
        title={`${t('accounts.resetPassword')} · ${resetFor?.displayName ?? ''}`}
        onCancel={() => setResetFor(null)}
        confirmLoading={resetting.busy}
        destroyOnHidden
        onOk={() =>
          void resetting.submit(z.object({ newPassword }), async (v) => {
            await call('accounts.resetPassword', { id: resetFor!.id, newPassword: v.newPassword });
            void message.success(t('accounts.resetDone'));
            setResetFor(null);
          })
        }
      >
        <Form form={resetForm} layout="vertical" preserve={false}>
          <Form.Item name="newPassword" label={t('accounts.newPassword')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
        {resetting.error && <p style={{ color: '#cf1322' }}>{resetting.error}</p>}
      </Modal>
    </div>
  );
}
