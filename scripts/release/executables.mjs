// Tells what a binary is from its first bytes: ELF, Mach-O or PE, and for which architecture. The release check uses
// it to prove that each package carries programs and libraries for its own platform only.

/**
 * @typedef {object} ExecutableFormat
 * @property {'elf'|'macho'|'pe'} format
 * @property {'x64'|'arm64'|string} arch  Node's architecture names; anything else as `unknown-<machine>`
 */

/**
 * Reads the executable format of a file's bytes, or undefined when it is not an ELF, Mach-O or PE file.
 * @param {Buffer} bytes
 * @returns {ExecutableFormat | undefined}
 */
export function executableFormat(bytes) {
  if (bytes.length >= 20 && bytes[0] === 0x7f && bytes.toString('latin1', 1, 4) === 'ELF') {
    const littleEndian = bytes[5] === 1;
    const machine = littleEndian ? bytes.readUInt16LE(18) : bytes.readUInt16BE(18);
    return { format: 'elf', arch: { 0x3e: 'x64', 0xb7: 'arm64' }[machine] ?? `unknown-${machine}` };
  }
  if (bytes.length >= 8) {
    const magic = bytes.readUInt32LE(0);
    if (magic === 0xfeedfacf || magic === 0xfeedface) {
      const cpu = bytes.readUInt32LE(4);
      return { format: 'macho', arch: { 0x01000007: 'x64', 0x0100000c: 'arm64' }[cpu] ?? `unknown-${cpu}` };
    }
    if (bytes.readUInt32BE(0) === 0xcafebabe) {
      // A universal binary: one architecture per slice; a package for one platform must not carry another's.
      const count = bytes.readUInt32BE(4);
      const arches = [];
      for (let i = 0; i < count && 8 + i * 20 + 4 <= bytes.length; i += 1) {
        const cpu = bytes.readUInt32BE(8 + i * 20);
        arches.push({ 0x01000007: 'x64', 0x0100000c: 'arm64' }[cpu] ?? `unknown-${cpu}`);
      }
      return { format: 'macho', arch: arches.join('+') };
    }
  }
  if (bytes.length >= 0x40 && bytes.toString('latin1', 0, 2) === 'MZ') {
    const pe = bytes.readUInt32LE(0x3c);
    if (pe + 6 <= bytes.length && bytes.toString('latin1', pe, pe + 4) === 'PE\u0000\u0000') {
      const machine = bytes.readUInt16LE(pe + 4);
      return { format: 'pe', arch: { 0x8664: 'x64', 0xaa64: 'arm64' }[machine] ?? `unknown-${machine}` };
    }
  }
  return undefined;
}
