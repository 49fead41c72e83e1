export * from './alerting.config';
export * from './alerting.module';
export * from './alert-recorder.service';
