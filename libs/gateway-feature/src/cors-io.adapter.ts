import { IoAdapter } from '@nestjs/platform-socket.io';
import type { INestApplicationContext } from '@nestjs/common';
import type { Server, ServerOptions } from 'socket.io';

/** Socket.IO with the gateway's configured CORS origins (decorator options cannot read config). */
export class CorsIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly origins: readonly string[],
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const origin = this.origins.includes('*') ? true : [...this.origins];
    return super.createIOServer(port, { ...options, cors: { origin, credentials: true } }) as Server;
  }
}
