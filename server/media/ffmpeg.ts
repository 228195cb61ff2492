import { createRequire } from 'node:module';

/**
 * The ffmpeg binary that ships inside the npm package `@ffmpeg-installer/ffmpeg` (a static build
 * in the registry tarball, nothing downloaded), so loudness is measured on a machine with only
 * Node; a platform the package lacks falls back to an `ffmpeg` on the PATH.
 */
export const FFMPEG: string = (() => {
  try {
    return (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;
  } catch {
    return 'ffmpeg';
  }
})();
