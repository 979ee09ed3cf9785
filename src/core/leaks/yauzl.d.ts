/**
 * The part of yauzl 3.4 that archive.ts uses (the package ships no types, and @types/yauzl
 * lags behind 3.x's promise API and `canDecodeFileData`).
 */
declare module 'yauzl' {
  import type { Readable } from 'node:stream';

  export interface Options {
    autoClose?: boolean;
    lazyEntries?: boolean;
    decodeStrings?: boolean;
    validateEntrySizes?: boolean;
    strictFileNames?: boolean;
  }

  export class Entry {
    generalPurposeBitFlag: number;
    compressionMethod: number;
    compressedSize: number;
    uncompressedSize: number;
    /** A Buffer when the zip file was opened with `decodeStrings: false`. */
    fileName: string | Buffer;
    fileNameRaw: Buffer;
    canDecodeFileData(): boolean;
    isEncrypted(): boolean;
  }

  export class ZipFile {
    entryCount: number;
    isOpen: boolean;
    eachEntry(): AsyncIterableIterator<Entry>;
    openReadStreamPromise(entry: Entry): Promise<Readable>;
    close(): void;
  }

  export function fromFdPromise(fd: number, options?: Options): Promise<ZipFile>;
  export function fromBufferPromise(buffer: Buffer, options?: Options): Promise<ZipFile>;
}
