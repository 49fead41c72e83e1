import jwt from 'jsonwebtoken';
import { io } from 'socket.io-client';
import { RecordingSocket } from './support/clients';
import { GATEWAY_URL, JWT_SECRET } from './support/stack-env';

const refusal = (auth: Record<string, unknown>) =>
  new Promise<string>((resolve, reject) => {
    const socket = io(GATEWAY_URL, { auth, transports: ['websocket'], reconnection: false });
    socket.once('connect', () => {
      socket.close();
      reject(new Error('connected without a valid token'));
    });
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
  });

describe('dashboard socket authentication', () => {
  it('refuses a handshake without a token, with a forged one, and with an expired one', async () => {
    expect(await refusal({})).toBe('unauthorized: a bearer token is required');
    expect(await refusal({ token: jwt.sign({ sub: 'alice' }, 'forged-secret-0123456789-0123456789') })).toBe(
      'unauthorized: invalid token: invalid signature',
    );
    const expired = jwt.sign({ sub: 'alice', exp: Math.floor(Date.now() / 1000) - 5 }, JWT_SECRET);
    expect(await refusal({ token: expired })).toBe('unauthorized: invalid token: jwt expired');
  });

  it('disconnects a socket when its token expires', async () => {
    const exp = Math.floor(Date.now() / 1000) + 2;
    const client = await RecordingSocket.connect(jwt.sign({ sub: 'short-lived', exp }, JWT_SECRET));
    const reason = await new Promise<string>((resolve) => client.socket.once('disconnect', resolve));
    expect(reason).toBe('io server disconnect');
    expect(Date.now()).toBeGreaterThanOrEqual(exp * 1000);
  });
});
