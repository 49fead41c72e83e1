import { Global, Module } from '@nestjs/common';
import { ExposureCache } from '../ports/exposure-cache';
import { InProcessExposureCache } from './in-process-exposure-cache';

/** The caches in process memory instead of Redis (embedded mode: one process, nothing shared). */
@Global()
@Module({
  providers: [{ provide: ExposureCache, useClass: InProcessExposureCache }],
  exports: [ExposureCache],
})
export class InProcessCacheModule {}
