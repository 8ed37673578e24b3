/**
 * A browser's User-Agent in a few words a person recognises ("Firefox, Linux"), for their list of
 * sessions; undefined when it names no browser we know. Order matters: Edge and Opera say
 * "Chrome" too, Chrome says "Safari", Android says "Linux".
 */
const BROWSERS: readonly [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, "Edge"],
  [/\bOPR\/|\bOpera\b/, "Opera"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  [/\bChrome\/|\bCriOS\/|\bChromium\//, "Chrome"],
  [/\bSafari\//, "Safari"],
];

const SYSTEMS: readonly [RegExp, string][] = [
  [/\bAndroid\b/, "Android"],
  [/\biPhone\b|\biPad\b|\biPod\b/, "iOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bLinux\b/, "Linux"],
];

export function describeUserAgent(userAgent: string): string | undefined {
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1];
  if (!browser) return undefined;
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  return system ? `${browser}, ${system}` : browser;
}
