"""Says what a PNG screenshot shows, with the standard library only: its
size, whether it is more than a blank page, and whether the chain boxes'
colours are drawn (the root's blue, the heap site's red, the finding's
brown border): `png-colours.py shot.png`."""
import struct
import sys
import zlib

# Colours of the page's style sheet (tool/HtmlReport.cpp).
COLOURS = {"root box": (0xE8, 0xF0, 0xFE), "heap-site box": (0xFC, 0xE8, 0xE6),
           "finding border": (0xB0, 0x60, 0x00)}
# Pixels of a colour that show it is drawn, not an accident of antialiasing.
ENOUGH = 300


def chunks(data):
    pos = 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        yield data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        pos += 12 + length


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def rows(png):
    """The rows of an 8-bit, non-interlaced RGB or RGBA PNG, unfiltered."""
    header, idat = None, b""
    for kind, body in chunks(png):
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        sys.exit("unsupported PNG: depth %d, colour type %d" % (depth, colour))
    channels = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * channels
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            line[i] = (line[i] + (0, a, b, (a + b) // 2, paeth(a, b, c))[kind]) & 0xFF
        yield [tuple(line[x:x + 3]) for x in range(0, stride, channels)]
        previous = line
    print("size: %dx%d" % (width, height))


def main():
    counts = dict.fromkeys(COLOURS, 0)
    painted = total = 0
    for row in rows(open(sys.argv[1], "rb").read()):
        for pixel in row:
            total += 1
            painted += pixel != (255, 255, 255)
            for name, colour in COLOURS.items():
                counts[name] += pixel == colour
    print("painted: %s" % ("yes" if painted * 50 > total else "no"))
    for name, count in counts.items():
        print("%s: %s" % (name, "yes" if count >= ENOUGH else "no"))


main()
