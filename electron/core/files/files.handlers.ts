import type { Handlers } from '../context';
import { loadSettings } from '../settings/settings.repository';
import { currentUser } from '../context';

export const filesHandlers: Handlers<'files.upload' | 'files.read'> = {
  'files.upload': async (input, ctx) => {
    const user = currentUser(ctx);
    const bytes = Buffer.from(input.data, 'base64');
    const quota = (await loadSettings(ctx.db)).number('files.stagedMaxMb') * 1024 * 1024;
    const file = ctx.runtime.files.append(
      user.userId,
      user.tokenHash,
      input.uploadId,
      input.name,
      input.offset,
      bytes,
      input.done,
      quota,
    );
    return { fileId: file.id, size: file.size };
  },
  'files.read': async (input, ctx) => {
    const user = currentUser(ctx);
    const { file, bytes, nextOffset } = ctx.runtime.files.read(input.fileId, user.userId, input.offset);
    return { name: file.name, size: file.size, data: bytes.toString('base64'), nextOffset };
  },
};
