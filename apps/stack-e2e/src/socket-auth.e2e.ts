import jwt from 'jsonwebtoken';
import { RecordingSocket, socketRefusal } from './support/clients';
import { JWT_SECRET } from './support/stack-env';

describe('dashboard socket authentication', () => {
  it('refuses a handshake without a token, with a forged one, and with an expired one', async () => {
    expect(await socketRefusal({})).toBe('unauthorized: a bearer token is required');
    expect(await socketRefusal({ token: jwt.sign({ sub: 'alice' }, 'forged-secret-0123456789-0123456789') })).toBe(
      'unauthorized: invalid token: invalid signature',
    );
    const expired = jwt.sign({ sub: 'alice', exp: Math.floor(Date.now() / 1000) - 5 }, JWT_SECRET);
    expect(await socketRefusal({ token: expired })).toBe('unauthorized: invalid token: jwt expired');
  });

  it('disconnects a socket when its token expires', async () => {
    const exp = Math.floor(Date.now() / 1000) + 2;
    const client = await RecordingSocket.connect(jwt.sign({ sub: 'short-lived', exp }, JWT_SECRET));
    const reason = await new Promise<string>((resolve) => client.socket.once('disconnect', resolve));
    expect(reason).toBe('io server disconnect');
    expect(Date.now()).toBeGreaterThanOrEqual(exp * 1000);
  });
});
