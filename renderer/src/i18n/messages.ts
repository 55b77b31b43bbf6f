/** A dictionary shaped like another, every leaf a string: English must have every key zh-CN has. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
