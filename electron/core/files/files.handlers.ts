import type { Handlers } from '../context';
import { currentUser } from '../context';

export const filesHandlers: Handlers<'files.upload' | 'files.read'> = {
  'files.upload': async (input, ctx) => {
    const user = currentUser(ctx);
    const bytes = Buffer.from(input.data, 'base64');
    const file = ctx.runtime.files.append(user.userId, input.uploadId, input.name, input.offset, bytes, input.done);
    return { fileId: file.id, size: file.size };
  },
  'files.read': async (input, ctx) => {
    const user = currentUser(ctx);
    const { file, bytes, nextOffset } = ctx.runtime.files.read(input.fileId, user.userId, input.offset);
    return { name: file.name, size: file.size, data: bytes.toString('base64'), nextOffset };
  },
};
