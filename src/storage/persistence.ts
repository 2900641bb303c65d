/**
 * Whether the browser keeps this app's storage when space runs low. Asked once, after the first
 * screen is drawn (Chromium grants it to installed or frequently used apps and decides without
 * a prompt; a private or guest window keeps nothing once closed).
 */
let asked: Promise<boolean | null> | undefined;

/** Ask for persistent storage: true granted, false refused, null where the browser cannot say. */
export function persistStorage(): Promise<boolean | null> {
  return (asked ??= navigator.storage?.persist
    ? navigator.storage.persist().catch(() => false)
    : Promise.resolve(null));
}
