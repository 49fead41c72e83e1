export * from './alerting.config';
export * from './alerting.module';
export * from './alert-lifecycle.service';
export * from './alert-renotifier.service';
export * from './channels/alert-channel';
export * from './channels/webhook-signature';
export * from './delivery/delivery-worker.service';
export * from './delivery/delivery-dispatcher.consumer';
