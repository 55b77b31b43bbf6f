export declare function importCycles(roots: string[]): string[][];
