export declare function stampFor(versions: { electron: string; betterSqlite3: string; arch: string }): string;
export declare function needsBuild(nativeDir: string, stamp: string): boolean;
export declare function cannotBuildMessage(found: {
  platform: NodeJS.Platform;
  hasPython: boolean;
  hasCompiler: boolean;
  prebuiltHost?: string;
}): string;
