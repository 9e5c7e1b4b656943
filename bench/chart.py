#!/usr/bin/env python3
"""Draws bench/run.sh's encrypt chart as a PNG with Python's standard library only (zlib).

Usage: chart.py ROWS OUT.png MACHINE
  ROWS: bench/run.sh's rows, one a line: op|kind|connections|req/s|items/s|p50|p99|non-2xx|socket
  MACHINE: the line naming the machine, printed under the chart.

Two panels (encrypt 256 B, encrypt 4 KiB), each a group of bars per concurrency: req/s of the
service (auth + audit on, open and audit off) and of the three floors. No third-party package,
no font files: text is drawn with the classic 5x7 bitmap font below.
"""
import struct
import sys
import zlib

# 5x7 font, ASCII 32..126: five columns a glyph, bit 0 the top row.
FONT = bytes.fromhex(
    "0000000000" "00005f0000" "0007000700" "147f147f14" "242a7f2a12" "2313086462" "3649552250" "0005030000"
    "001c224100" "0041221c00" "082a1c2a08" "08083e0808" "0050300000" "0808080808" "0060600000" "2010080402"
    "3e5149453e" "00427f4000" "4261514946" "2141454b31" "1814127f10" "2745454539" "3c4a494930" "0171090503"
    "3649494936" "064949291e" "0036360000" "0056360000" "0814224100" "1414141414" "0041221408" "0201510906"
    "324979413e" "7e1111117e" "7f49494936" "3e41414122" "7f4141221c" "7f49494941" "7f09090101" "3e41415132"
    "7f0808087f" "00417f4100" "2040413f01" "7f08142241" "7f40404040" "7f0204027f" "7f0408107f" "3e4141413e"
    "7f09090906" "3e4151215e" "7f09192946" "4649494931" "01017f0101" "3f4040403f" "1f2040201f" "7f2018207f"
    "6314081463" "0304780403" "6151494543" "00007f4141" "0204081020" "41417f0000" "0402010204" "4040404040"
    "0001020400" "2054545478" "7f48444438" "3844444420" "384444487f" "3854545418" "087e090102" "081454543c"
    "7f08040478" "00447d4000" "2040443d00" "007f102844" "00417f4000" "7c04180478" "7c08040478" "3844444438"
    "7c14141408" "081414187c" "7c08040408" "4854545420" "043f444020" "3c4040207c" "1c2040201c"
    "3c4030403c" "4428102844" "0c5050503c" "4464544c44" "0008364100" "00007f0000" "0041360800" "1008081008"
)

COLOURS = {
    "on": (200, 60, 40),
    "off": (240, 150, 40),
    "echo": (170, 170, 170),
    "aes": (110, 150, 210),
    "mvc": (40, 80, 160),
}
KINDS = ["on", "off", "echo", "aes", "mvc"]
LABELS = {
    "on": "service, auth + audit on",
    "off": "service, open, audit off",
    "echo": "floor: minimal API, random bytes",
    "aes": "floor: minimal API + AES-256-GCM",
    "mvc": "floor: MVC + AES-256-GCM",
}
PANELS = [("enc256", "encrypt 256 B: requests per second"), ("enc4k", "encrypt 4 KiB: requests per second")]


class Canvas:
    def __init__(self, width, height, background=(255, 255, 255)):
        self.width, self.height = width, height
        self.pixels = bytearray(bytes(background) * (width * height))

    def rect(self, x0, y0, x1, y1, colour):
        x0, x1 = max(0, min(x0, x1)), min(self.width, max(x0, x1))
        y0, y1 = max(0, min(y0, y1)), min(self.height, max(y0, y1))
        if x0 >= x1:
            return
        row = bytes(colour) * (x1 - x0)
        for y in range(y0, y1):
            start = (y * self.width + x0) * 3
            self.pixels[start:start + len(row)] = row

    def text(self, x, y, text, colour=(0, 0, 0), scale=2):
        for ch in text:
            code = ord(ch)
            if code < 32 or code > 126:
                code = ord("?")
            glyph = FONT[(code - 32) * 5:(code - 32) * 5 + 5]
            for col, bits in enumerate(glyph):
                for row in range(7):
                    if bits >> row & 1:
                        self.rect(x + col * scale, y + row * scale, x + (col + 1) * scale, y + (row + 1) * scale, colour)
            x += 6 * scale

    @staticmethod
    def text_width(text, scale=2):
        return len(text) * 6 * scale

    def png(self):
        raw = b"".join(b"\x00" + bytes(self.pixels[y * self.width * 3:(y + 1) * self.width * 3]) for y in range(self.height))

        def chunk(kind, data):
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def nice_step(top):
    """A round tick step giving four to eight ticks up to top."""
    step = 1
    while top / step > 8:
        for factor in (2, 2.5, 2):
            step *= factor
            if top / step <= 8:
                break
    return step


def thousands(value):
    return f"{int(round(value)):,}"


def panel(canvas, x0, y0, width, height, title, data, connections):
    canvas.text(x0, y0, title, scale=2)
    left, top, bottom = x0 + 90, y0 + 30, y0 + height - 40
    right = x0 + width
    peak = max([v for v in data.values()] + [1])
    step = nice_step(peak * 1.1)
    ceiling = step * (int(peak * 1.1 / step) + 1)
    # Grid and y labels.
    tick = 0
    while tick <= ceiling + 1e-9:
        y = bottom - int((bottom - top) * tick / ceiling)
        canvas.rect(left, y, right, y + 1, (225, 225, 225))
        label = thousands(tick)
        canvas.text(left - 8 - canvas.text_width(label, 2), y - 7, label, (80, 80, 80), scale=2)
        tick += step
    canvas.rect(left, top, left + 1, bottom + 1, (0, 0, 0))
    canvas.rect(left, bottom, right, bottom + 1, (0, 0, 0))
    # Bars: one group per concurrency, one bar per target, its value above it.
    groups = len(connections)
    group_width = (right - left) / max(groups, 1)
    bar = int(group_width * 0.8 / len(KINDS))
    for g, c in enumerate(connections):
        gx = left + int(group_width * g + group_width * 0.1)
        for i, kind in enumerate(KINDS):
            value = data.get((kind, c))
            if value is None:
                continue
            bx = gx + i * bar
            by = bottom - int((bottom - top) * value / ceiling)
            canvas.rect(bx + 1, by, bx + bar - 1, bottom, COLOURS[kind])
            label = thousands(value)
            scale = 1 if canvas.text_width(label, 2) > bar else 2
            lx = bx + (bar - canvas.text_width(label, scale)) // 2
            canvas.text(lx, by - 8 * scale - 2, label, (40, 40, 40), scale=scale)
        label = f"{c} connection" + ("" if c == 1 else "s")
        canvas.text(left + int(group_width * g + (group_width - canvas.text_width(label)) / 2), bottom + 12, label, scale=2)


def main():
    rows_file, out, machine = sys.argv[1], sys.argv[2], sys.argv[3].replace("`", "")
    data = {}
    connections = []
    with open(rows_file, encoding="utf-8") as rows:
        for line in rows:
            fields = line.strip().split("|")
            if len(fields) < 4:
                continue
            op, kind, c, rps = fields[0], fields[1], int(fields[2]), float(fields[3])
            data.setdefault(op, {})[(kind, c)] = rps
            if c not in connections:
                connections.append(c)
    connections.sort()
    panels = [(op, title) for op, title in PANELS if op in data]
    if not panels:
        sys.exit("chart.py: no encrypt rows to draw")
    width, panel_height = 1400, 420
    height = 120 + panel_height * len(panels) + 60
    canvas = Canvas(width, height)
    canvas.text(30, 20, "Auto KMS: encrypt (AES256_GCM) against the HTTP floor", scale=3)
    # Legend, wrapped to the width.
    x, y = 30, 56
    for kind in KINDS:
        if x + 24 + canvas.text_width(LABELS[kind]) > width - 30:
            x, y = 30, y + 24
        canvas.rect(x, y - 2, x + 18, y + 16, COLOURS[kind])
        canvas.text(x + 24, y, LABELS[kind], scale=2)
        x += 24 + canvas.text_width(LABELS[kind]) + 30
    for i, (op, title) in enumerate(panels):
        panel(canvas, 30, 120 + i * panel_height, width - 60, panel_height - 20, title, data[op], connections)
    # The machine line, wrapped to the width.
    words, lines, current = machine.split(" "), [], ""
    for word in words:
        if current and canvas.text_width(current + " " + word, 2) > width - 60:
            lines.append(current)
            current = word
        else:
            current = (current + " " + word).strip()
    lines.append(current)
    y = height - 20 * len(lines) - 10
    for line in lines:
        canvas.text(30, y, line, (60, 60, 60), scale=2)
        y += 20
    with open(out, "wb") as png:
        png.write(canvas.png())


if __name__ == "__main__":
    main()
