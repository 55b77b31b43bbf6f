import { Button, Result, message } from 'antd';
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../i18n';
import { errorText } from './errors';

// The one path by which a failed core call reaches the user. `npm run lint` (scripts/unhandled-calls.mjs)
// fails on a call whose failure goes nowhere.

/** Shows why a call failed, in the user's language. */
export function showFailure(err: unknown): void {
  void message.error(errorText(i18n.t, err));
}

/** Runs an action; if it fails, shows why and resolves to undefined. */
export async function attempt<T>(action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (err) {
    showFailure(err);
    return undefined;
  }
}

export interface Loaded<T> {
  /** The last value loaded; kept while a reload runs or after a reload fails. */
  data: T | undefined;
  /** The last load failed (and was shown). */
  failed: boolean;
  /** Why, while failed. */
  error: unknown;
  reload: () => void;
}

/**
 * What a page reads when it opens (and again when deps change or reload() is called). A failure is
 * shown and leaves `failed` set, so the page can say so instead of spinning for ever; an answer to an
 * earlier load that arrives after a later one is dropped.
 */
export function useLoaded<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [state, setState] = useState<{ data: T | undefined; failed: boolean; error: unknown }>({
    data: undefined,
    failed: false,
    error: null,
  });
  const latest = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps decide when to load again
  const run = useCallback(load, deps);
  const reload = useCallback(() => {
    const ticket = ++latest.current;
    run().then(
      (data) => ticket === latest.current && setState({ data, failed: false, error: null }),
      (err: unknown) => {
        if (ticket !== latest.current) return;
        showFailure(err);
        setState((s) => ({ data: s.data, failed: true, error: err }));
      },
    );
  }, [run]);
  useEffect(reload, [reload]);
  return { ...state, reload };
}

/** In place of what could not be loaded: says so and why, with a retry. */
export function LoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('errors.loadFailed')}
      subTitle={errorText(t, error)}
      data-testid="load-failed"
      extra={
        <Button type="primary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
