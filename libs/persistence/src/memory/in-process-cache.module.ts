import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ExposureCache } from '../ports/exposure-cache';
import { InProcessExposureCache } from './in-process-exposure-cache';

/** The caches in process memory instead of Redis (embedded mode: one process, nothing shared with others). */
@Global()
@Module({})
export class InProcessCacheModule {
  /** `cache`: one instance shared by several modules of the process (positions writes, the gateway reads). */
  static forRoot(cache: InProcessExposureCache = new InProcessExposureCache()): DynamicModule {
    return { module: InProcessCacheModule, providers: [{ provide: ExposureCache, useValue: cache }], exports: [ExposureCache] };
  }
}
