/** The part of madge's JS API the architecture test uses (madge ships no types). */
declare module 'madge' {
  interface MadgeConfig {
    readonly fileExtensions?: readonly string[];
    readonly tsConfig?: string;
    readonly detectiveOptions?: Record<string, unknown>;
  }
  interface MadgeResult {
    /** Every import cycle, each as the list of files on it. */
    circular(): string[][];
    /** The files each file imports. */
    obj(): Record<string, string[]>;
  }
  export default function madge(path: string | readonly string[], config?: MadgeConfig): Promise<MadgeResult>;
}
