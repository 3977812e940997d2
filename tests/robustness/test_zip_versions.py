"""A workbook whose zip directory claims a version Python cannot extract (found by the fuzz
test: ``NotImplementedError: zip file version 6.4`` was an internal error, exit 70)."""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import zipfile
from pathlib import Path


def test_a_zip_version_python_cannot_read_is_a_damaged_workbook(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    data = bytearray(buffer.getvalue())
    entry = data.rfind(b"PK\x01\x02")  # the central directory entry
    data[entry + 6:entry + 8] = struct.pack("<H", 64)  # "version needed to extract": 6.4
    path = tmp_path / "book.xlsx"
    path.write_bytes(bytes(data))
    done = subprocess.run([sys.executable, "-m", "graphmap", "validate", str(path), "--lang",
                           "en"], capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert done.stderr == (f"Error: {path} is not a readable .xlsx workbook (damaged, or another "
                           "format).\n")
