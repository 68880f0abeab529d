"""Bytes -> text with clear refusals for what is not text."""
from __future__ import annotations

import codecs

BINARY_SAMPLE = 8192


class DecodeError(ValueError):
    """The bytes are not usable text; the message says why in one line."""


def decode_bytes(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16/32; refuse anything else."""
    if not data.strip():
        raise DecodeError("empty file (no text)")
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {codec} after byte-order mark at byte {exc.start}") from None
            return _check_text(text)
    if b"\x00" in data[:BINARY_SAMPLE]:
        raise DecodeError("binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.start + 1].hex()
        raise DecodeError(
            f"not valid UTF-8 (byte 0x{bad} at offset {exc.start}); re-save the file as UTF-8"
        ) from None
    return _check_text(text)


def _check_text(text: str) -> str:
    if not text.strip():
        raise DecodeError("empty file (only whitespace)")
    if "\x00" in text:
        raise DecodeError("binary content (NUL characters), not text")
    controls = sum(1 for ch in text[:BINARY_SAMPLE] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text[:BINARY_SAMPLE]) // 20):
        raise DecodeError("binary content (many control characters), not text")
    return text
