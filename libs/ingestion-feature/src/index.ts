export * from './ingestion.config';
export * from './ingestion.module';
export * from './ingestion.service';
export * from './api-key.guard';
