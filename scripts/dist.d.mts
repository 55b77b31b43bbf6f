export declare function withNodeBuildKept<T>(moduleDir: string, keepDir: string, work: () => T): T;
