import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { endianness } from 'node:os';
import { crc32 } from 'node:zlib';

/** The typed arrays a warm file holds, each read back as a view of the file's bytes. */
export type WarmArray = Int32Array | Uint16Array | Uint8Array | Float64Array;

const ARRAY_TYPES = {
  Int32Array,
  Uint16Array,
  Uint8Array,
  Float64Array,
} as const;
type ArrayType = keyof typeof ARRAY_TYPES;

/** What a part of the warm-up keeps: typed arrays, long texts (JSON from DuckDB, say) and a small JSON value. */
export interface WarmContent {
  readonly arrays: Readonly<Record<string, WarmArray>>;
  readonly texts: Readonly<Record<string, string>>;
  readonly json: unknown;
}

/** Why a file was not used: missing is the usual first start; stale follows a write; corrupt is logged. */
export type WarmMiss = 'missing' | 'stale' | `corrupt: ${string}`;

/**
 * Bumped whenever the layout below changes: a file of another version is stale, never misread.
 * (What a part stores, and the statements that compute it, are in its mark: `WarmParts`.)
 */
export const WARM_FILE_VERSION = 1;
const MAGIC = Buffer.from('GRWARM\r\n', 'latin1');
/** Magic, then the header's length (uint32 LE) and 4 bytes kept 0. */
const PREFIX_BYTES = 16;
/** Every entry starts at a multiple of 8 bytes from the file's start, so a Float64Array can view it in place. */
const ALIGN = 8;

interface Header {
  readonly version: number;
  readonly part: string;
  readonly mark: string;
  readonly endianness: string;
  /** Where the payload (every entry) starts and how many bytes it is; crc32 of those bytes. */
  readonly payload: { readonly offset: number; readonly bytes: number; readonly crc32: number };
  readonly entries: readonly Entry[];
}

interface Entry {
  readonly name: string;
  readonly type: ArrayType | 'text' | 'json';
  /** From the file's start. */
  readonly offset: number;
  readonly bytes: number;
}

const aligned = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

/**
 * Writes `content` to `path` for `part` at `mark`: to a temporary file beside it, then renamed
 * over it, so a reader sees the old file or the whole new one, and processes writing at once
 * (workers starting together) leave one whole file, the last rename's.
 */
export async function writeWarmFile(path: string, part: string, mark: string, content: WarmContent): Promise<void> {
  const blobs: { name: string; type: Entry['type']; bytes: Uint8Array }[] = [
    ...Object.entries(content.arrays).map(([name, array]) => ({
      name,
      type: array.constructor.name as ArrayType,
      bytes: new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
    })),
    ...Object.entries(content.texts).map(([name, text]) => ({
      name,
      type: 'text' as const,
      bytes: Buffer.from(text, 'utf8'),
    })),
    { name: 'json', type: 'json', bytes: Buffer.from(JSON.stringify(content.json ?? null), 'utf8') },
  ];
  for (const blob of blobs)
    if (!(blob.type in ARRAY_TYPES) && blob.type !== 'text' && blob.type !== 'json')
      throw new Error(`warm file: ${blob.name} is a ${blob.type}, not one of ${Object.keys(ARRAY_TYPES).join(', ')}`);
  // The header states the offsets, which depend on its own length: lay the payload out relative
  // to its start first, then shift it once the header's length is known.
  const relative: { offset: number; blob: (typeof blobs)[number] }[] = [];
  let end = 0;
  for (const blob of blobs) {
    relative.push({ offset: end, blob });
    end = aligned(end + blob.bytes.byteLength);
  }
  const padding = Buffer.alloc(ALIGN);
  const crc = relative.reduce((c, { offset, blob }, i) => {
    const next = i + 1 < relative.length ? relative[i + 1]!.offset : end;
    return crcAfter(padding.subarray(0, next - offset - blob.bytes.byteLength), crcAfter(blob.bytes, c));
  }, 0);
  const headerFor = (payloadOffset: number): Header => ({
    version: WARM_FILE_VERSION,
    part,
    mark,
    endianness: endianness(),
    payload: { offset: payloadOffset, bytes: end, crc32: crc },
    entries: relative.map(({ offset, blob }) => ({
      name: blob.name,
      type: blob.type,
      offset: payloadOffset + offset,
      bytes: blob.bytes.byteLength,
    })),
  });
  // Offsets are numbers in the header's text: a longer header can move the payload only forward,
  // so a couple of rounds settle it.
  let payloadOffset = 0;
  let headerText = JSON.stringify(headerFor(payloadOffset));
  const payloadAfter = (text: string) => aligned(PREFIX_BYTES + Buffer.byteLength(text));
  while (payloadAfter(headerText) !== payloadOffset) {
    payloadOffset = payloadAfter(headerText);
    headerText = JSON.stringify(headerFor(payloadOffset));
  }
  const headerBytes = Buffer.from(headerText, 'utf8');
  const prefix = Buffer.alloc(PREFIX_BYTES);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(headerBytes.byteLength, MAGIC.byteLength);
  const chunks: Uint8Array[] = [
    prefix,
    headerBytes,
    padding.subarray(0, payloadOffset - PREFIX_BYTES - headerBytes.byteLength),
  ];
  relative.forEach(({ offset, blob }, i) => {
    const next = i + 1 < relative.length ? relative[i + 1]!.offset : end;
    chunks.push(blob.bytes, padding.subarray(0, next - offset - blob.bytes.byteLength));
  });

  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    const file = await open(temporary, 'w');
    try {
      await writeAll(file, chunks);
      // On disk before the rename: after a crash the name holds the whole new file or the old one.
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * The running crc32 after `bytes`. Empty input leaves it as it is (Node 20's crc32 of an empty
 * view of an empty ArrayBuffer returns 0 whatever the value passed in).
 */
function crcAfter(bytes: Uint8Array, crc: number): number {
  return bytes.byteLength === 0 ? crc : crc32(bytes, crc);
}

/** writev takes so many buffers at most per call (IOV_MAX is 1024 on Linux), and may write fewer bytes than asked. */
async function writeAll(file: Awaited<ReturnType<typeof open>>, chunks: Uint8Array[]): Promise<void> {
  let pending = chunks.filter((c) => c.byteLength > 0);
  while (pending.length > 0) {
    const batch = pending.slice(0, 512);
    let { bytesWritten } = await file.writev(batch);
    let i = 0;
    while (i < batch.length && bytesWritten >= batch[i]!.byteLength) bytesWritten -= batch[i++]!.byteLength;
    const rest = i < batch.length ? [batch[i]!.subarray(bytesWritten), ...batch.slice(i + 1)] : [];
    pending = [...rest, ...pending.slice(batch.length)];
  }
}

/**
 * The content of the warm file at `path` if it is whole and of `part` at `mark`; else why not.
 * The arrays are views of the file's bytes, read in one go: nothing is decoded or copied.
 */
export async function readWarmFile(
  path: string,
  part: string,
  mark: string,
): Promise<{ content: WarmContent } | { miss: WarmMiss }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { miss: 'missing' };
    throw error;
  }
  // A view needs its offset aligned to its element size; a whole-file read starts its own buffer,
  // but nothing promises that.
  if (bytes.byteOffset % ALIGN !== 0) {
    // (Buffer.alloc never hands out a slice of the shared pool: its offset is 0.)
    const copy = Buffer.alloc(bytes.byteLength);
    bytes.copy(copy);
    bytes = copy;
  }
  if (bytes.byteLength < PREFIX_BYTES || !bytes.subarray(0, MAGIC.byteLength).equals(MAGIC))
    return { miss: 'corrupt: not a warm file' };
  const headerLength = bytes.readUInt32LE(MAGIC.byteLength);
  if (PREFIX_BYTES + headerLength > bytes.byteLength) return { miss: 'corrupt: truncated header' };
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', PREFIX_BYTES, PREFIX_BYTES + headerLength)) as Header;
  } catch {
    return { miss: 'corrupt: header is not JSON' };
  }
  if (header.version !== WARM_FILE_VERSION || header.part !== part || header.endianness !== endianness())
    return { miss: 'stale' };
  if (header.mark !== mark) return { miss: 'stale' };
  const { offset, bytes: length, crc32: expected } = header.payload;
  if (offset + length !== bytes.byteLength)
    return { miss: `corrupt: ${bytes.byteLength} bytes, expected ${offset + length}` };
  if (crc32(bytes.subarray(offset, offset + length)) !== expected) return { miss: 'corrupt: checksum differs' };

  try {
    return entriesOf(bytes, header);
  } catch (error) {
    return { miss: `corrupt: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function entriesOf(bytes: Buffer, header: Header): { content: WarmContent } | { miss: WarmMiss } {
  const { offset } = header.payload;
  const arrays: Record<string, WarmArray> = {};
  const texts: Record<string, string> = {};
  let json: unknown = null;
  for (const entry of header.entries) {
    if (entry.offset < offset || entry.offset + entry.bytes > bytes.byteLength || entry.offset % ALIGN !== 0)
      return { miss: `corrupt: entry ${entry.name} out of bounds` };
    if (entry.type === 'text') texts[entry.name] = bytes.toString('utf8', entry.offset, entry.offset + entry.bytes);
    else if (entry.type === 'json') json = JSON.parse(bytes.toString('utf8', entry.offset, entry.offset + entry.bytes));
    else {
      const Type = ARRAY_TYPES[entry.type];
      if (Type === undefined || entry.bytes % Type.BYTES_PER_ELEMENT !== 0)
        return { miss: `corrupt: entry ${entry.name} of type ${entry.type}` };
      arrays[entry.name] = new Type(
        bytes.buffer as ArrayBuffer,
        bytes.byteOffset + entry.offset,
        entry.bytes / Type.BYTES_PER_ELEMENT,
      );
    }
  }
  return { content: { arrays, texts, json } };
}
