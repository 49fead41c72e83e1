import { IoAdapter } from '@nestjs/platform-socket.io';
import type { INestApplicationContext } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type Redis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

/**
 * Socket.IO with the gateway's configured CORS origins (decorator options cannot read config), and, when instances
 * share events, the Redis streams adapter: an emit to a user's room reaches that room's sockets on every instance.
 */
export class CorsIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly origins: readonly string[],
    private readonly redis: { client: Redis; streamName: string } | null = null,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const origin = this.origins.includes('*') ? true : [...this.origins];
    const server = super.createIOServer(port, { ...options, cors: { origin, credentials: true } }) as Server;
    if (this.redis) server.adapter(createAdapter(this.redis.client, { streamName: this.redis.streamName }));
    return server;
  }
}
