import { Presets, SingleBar } from "cli-progress";

/**
 * A progress bar for long work, on stderr so stdout keeps only results. cli-progress draws
 * nothing when stderr is not a terminal (CI logs, tests).
 */
export function progressBar(label: string): {
  update: (done: number, total: number) => void;
  stop: () => void;
} {
  const bar = new SingleBar(
    { format: `${label} {bar} {percentage}% {value}/{total} rows, {eta}s left`, etaBuffer: 50 },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) bar.start(total, done);
      started = true;
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
