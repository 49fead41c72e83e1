export * from './alerting.config';
export * from './alerting.module';
export * from './alert-lifecycle.service';
export * from './alert-renotifier.service';
