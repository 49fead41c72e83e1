import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve as resolvePath, sep } from 'node:path';
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
    // Webpack names sources relative to the app it built (`webpack:///../../libs/…` from apps/<name>), and the
    // bundle sits in dist/apps/<name>: anchor the path at the app's directory.
    // A dependency's own map (e.g. OpenTelemetry's build/src/x.js.map) names sources relative to the script.
    const webpack = /^webpack:\/\/[^/]*\/(.*)$/.exec(entry.originalSource);
    const scriptDir = dirname(fileURLToPath(url));
    const source = webpack
      ? resolvePath(scriptDir.replace(`${sep}dist${sep}`, sep), webpack[1] as string)
      : /^[a-z]+:/i.test(entry.originalSource)
        ? entry.originalSource
        : resolvePath(scriptDir, entry.originalSource);
    return { file: source, line: entry.originalLine + 1 };
  };
}

/** `webpack://hyperdex/./libs/x.ts` → `libs/x.ts`; `file:///repo/node_modules/y.js` → `node_modules/y.js`. */
export function shortenLocation(root: string): (file: string) => string {
  return (file) => {
    const webpack = /^webpack:\/\/[^/]*\/(?:\.\/)?(.*)$/.exec(file);
    if (webpack) return webpack[1] as string;
    if (file.startsWith('file://')) return relative(root, fileURLToPath(file));
    if (isAbsolute(file)) return relative(root, file);
    return file;
  };
}

/**
 * `CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile`: Node writes one per thread, so a service with a worker pool
 * (risk's Monte Carlo) leaves its main thread's profile (thread 0) and one per worker.
 */
export function profileThread(file: string): number | undefined {
  const match = /^CPU\.\d+\.\d+\.\d+\.(\d+)\.\d+\.cpuprofile$/.exec(file);
  return match ? Number(match[1]) : undefined;
}

/** Summarises every `.cpuprofile` under `<dir>/<service>/`: the main thread first, then each worker thread. */
export function summarizeServiceProfiles(root: string, dir: string, services: readonly string[]): ServiceProfile[] {
  const resolve = sourceMapResolver();
  const shorten = shortenLocation(root);
  return services.flatMap((service): ServiceProfile[] => {
    const serviceDir = join(dir, service);
    const files = (existsSync(serviceDir) ? readdirSync(serviceDir).filter((f) => f.endsWith('.cpuprofile')) : []).sort(
      (a, b) => (profileThread(a) ?? 0) - (profileThread(b) ?? 0),
    );
    if (!files.some((f) => (profileThread(f) ?? 0) === 0)) return [{ service, error: 'no profile written (the process did not exit normally)' }];
    return files.map((f) => {
      const thread = profileThread(f) ?? 0;
      const name = thread === 0 ? service : `${service} (worker thread ${thread})`;
      const file = join(serviceDir, f);
      try {
        const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
        return { service: name, file: relative(root, file), ...summarizeCpuProfile(profile, { resolve, shorten }) };
      } catch (error) {
        return { service: name, file: relative(root, file), error: `unreadable profile: ${(error as Error).message}` };
      }
    });
  });
}
