/**
 * One long-lived `git cat-file --batch` for a whole history walk: object ids are written as they
 * are needed, and each object's bytes are handed on chunk by chunk as git writes them, so a blob
 * of any size costs one pipe buffer of memory, never its whole size.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { repositoryArgs, spawnGit, type Repository } from './git';

export type CatFileAnswer = { readonly id: string; readonly type: string; readonly size: number; readonly missing?: undefined } | { readonly id: string; readonly missing: true };

export class CatFile {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly chunks: AsyncIterator<Buffer>;
  private stderr = '';

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdin.on('error', () => undefined); // git may exit first; the read below reports it
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => { if (this.stderr.length < 4096) this.stderr += text; });
    this.chunks = (child.stdout as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  }

  /** Starts git for `repo`; throws when git cannot be found. */
  static start(repo: Repository): CatFile {
    const child = spawnGit([...repositoryArgs(repo), 'cat-file', '--batch'], repo.workTree);
    if (!child) throw new Error('git was not found on PATH');
    return new CatFile(child);
  }

  /** Asks for `ids`; their answers come from `next()`, in order. */
  request(ids: readonly string[]): void {
    if (ids.length > 0) this.child.stdin.write(`${ids.join('\n')}\n`);
  }

  /**
   * The next answer: `begin` hears the object's size before any of its bytes reach `data`. The
   * chunks handed to `data` stay valid (they are never written to again).
   */
  async next(begin: (size: number) => void, data: (chunk: Buffer) => void): Promise<CatFileAnswer> {
    let nl: number;
    while ((nl = this.buffer.indexOf(10)) < 0) await this.pull();
    const [id = '', type = '', size = ''] = this.buffer.subarray(0, nl).toString('latin1').split(' ');
    this.buffer = this.buffer.subarray(nl + 1);
    if (type === 'missing' || type === 'ambiguous') return { id, missing: true };
    const total = Number(size);
    begin(total);
    for (let remaining = total; remaining > 0;) {
      if (this.buffer.length === 0) await this.pull();
      const take = Math.min(remaining, this.buffer.length);
      data(this.buffer.subarray(0, take));
      this.buffer = this.buffer.subarray(take);
      remaining -= take;
    }
    // The newline git writes after the contents.
    while (this.buffer.length === 0) await this.pull();
    this.buffer = this.buffer.subarray(1);
    return { id, type, size: total };
  }

  /** Ends the process (whether or not every answer was read). */
  close(): void {
    this.child.stdin.end();
    this.child.kill();
  }

  private async pull(): Promise<void> {
    const next = await this.chunks.next();
    if (next.done === true) throw new Error(`git cat-file stopped early${this.stderr.trim() ? `: ${this.stderr.trim().split('\n')[0] ?? ''}` : ''}`);
    const value = next.value;
    this.buffer = this.buffer.length === 0 ? value : Buffer.concat([this.buffer, value]);
  }
}
