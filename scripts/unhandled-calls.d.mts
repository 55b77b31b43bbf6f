export interface UnhandledCall {
  file: string;
  line: number;
  /** The call's first line, up to 80 characters. */
  text: string;
  /** Where its failure goes instead of to the user. */
  reason: string;
}
/** Every core call in the .ts/.tsx sources under the folders whose failure nobody handles. */
export function unhandledCalls(roots: string[]): UnhandledCall[];
