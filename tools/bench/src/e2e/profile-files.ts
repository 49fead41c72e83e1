import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarizeCpuProfile, type CpuProfile, type LocationResolver, type ProfileSummary } from './cpu-profile-summary';

export interface ServiceProfile extends Partial<ProfileSummary> {
  readonly service: string;
  /** The profile file, relative to the repository; absent when none was written. */
  readonly file?: string;
  readonly error?: string;
}

/**
 * Maps positions in the services' webpack bundles back to the TypeScript they came from, through the bundle's own
 * source map (dist/apps/<name>/main.js.map), so the top frames name `libs/…/x.ts:line` rather than `main.js:48213`.
 */
function sourceMapResolver(): LocationResolver {
  const maps = new Map<string, SourceMap | null>();
  return (url, line, column) => {
    if (!url.startsWith('file://') || line < 0) return undefined;
    let map = maps.get(url);
    if (map === undefined) {
      const file = `${fileURLToPath(url)}.map`;
      map = existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8')) as SourceMapPayload) : null;
      maps.set(url, map);
    }
    const entry = map?.findEntry(line, Math.max(0, column)) as { originalSource?: string; originalLine?: number } | undefined;
    if (!entry?.originalSource || entry.originalLine === undefined) return undefined;
    return { file: entry.originalSource, line: entry.originalLine + 1 };
  };
}

/** `webpack://hyperdex/./libs/x.ts` → `libs/x.ts`; `file:///repo/node_modules/y.js` → `node_modules/y.js`. */
export function shortenLocation(root: string): (file: string) => string {
  return (file) => {
    const webpack = /^webpack:\/\/[^/]*\/(?:\.\/)?(.*)$/.exec(file);
    if (webpack) return webpack[1] as string;
    if (file.startsWith('file://')) return relative(root, fileURLToPath(file));
    return file;
  };
}

/** Summarises the newest `.cpuprofile` of each service under `<dir>/<service>/`. */
export function summarizeServiceProfiles(root: string, dir: string, services: readonly string[]): ServiceProfile[] {
  const resolve = sourceMapResolver();
  const shorten = shortenLocation(root);
  return services.map((service) => {
    const serviceDir = join(dir, service);
    const files = existsSync(serviceDir) ? readdirSync(serviceDir).filter((f) => f.endsWith('.cpuprofile')) : [];
    const newest = files.map((f) => join(serviceDir, f)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
    if (!newest) return { service, error: 'no profile written (the process did not exit normally)' };
    try {
      const profile = JSON.parse(readFileSync(newest, 'utf8')) as CpuProfile;
      return { service, file: relative(root, newest), ...summarizeCpuProfile(profile, { resolve, shorten }) };
    } catch (error) {
      return { service, file: relative(root, newest), error: `unreadable profile: ${(error as Error).message}` };
    }
  });
}
