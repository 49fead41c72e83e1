export * from './embedded-infrastructure';
