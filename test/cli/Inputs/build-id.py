"""Edits the GNU build id of a copy of an ELF executable (64-bit, little
endian), as a rebuild would change it:
  build-id.py change FILE    another id, the same length
  build-id.py remove FILE    no build id (the note's type is cleared)
"""
import struct
import sys

NT_GNU_BUILD_ID = 3
PT_NOTE = 4


def build_id_note(data):
    """The file offset of the build id note's header."""
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    for i in range(phnum):
        p_type, _, offset, _, _, filesz, _, align = struct.unpack_from(
            "<IIQQQQQQ", data, phoff + i * phentsize)
        if p_type != PT_NOTE:
            continue
        align = 8 if align == 8 else 4
        note = offset
        while note + 12 <= offset + filesz:
            namesz, descsz, n_type = struct.unpack_from("<III", data, note)
            desc = note + 12 + (namesz + align - 1) // align * align
            if n_type == NT_GNU_BUILD_ID and data[note + 12:note + 16] == b"GNU\0":
                return note, desc, descsz
            note = desc + (descsz + align - 1) // align * align
    sys.exit("no build id in " + sys.argv[2])


def main():
    mode, path = sys.argv[1:3]
    data = bytearray(open(path, "rb").read())
    note, desc, size = build_id_note(data)
    if mode == "change":
        data[desc:desc + size] = bytes(b ^ 0xFF for b in data[desc:desc + size])
    else:
        struct.pack_into("<I", data, note + 8, 0)
    open(path, "wb").write(data)


main()
