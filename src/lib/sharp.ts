import type sharpType from "sharp";

export type SharpFn = typeof sharpType;

let loading: Promise<SharpFn> | undefined;

/**
 * sharp, loaded the first time an image is handled: libvips takes ~50 ms of a process's start
 * to load, and most starts handle no image. Its cache is turned off once loaded: it only holds
 * memory for images each handled once.
 */
export function loadSharp(): Promise<SharpFn> {
  return (loading ??= import("sharp").then(({ default: sharp }) => {
    sharp.cache(false);
    return sharp;
  }));
}
