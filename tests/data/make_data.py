"""Write the byte-level test files of tests/data (see README.md); run once, output is committed.

    .venv/bin/python tests/data/make_data.py
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIMPLIFIED = "外交部发言人表示，中方愿同各方加强合作。\n世界卫生组织专家组抵达北京，双方举行视频会议。\n"
TRADITIONAL = "外交部發言人表示，中方願同各方加強合作。\n世界衛生組織專家組抵達北京，雙方舉行視頻會議。\n"
SHORT = "外交部发言人表示，中方愿同各方加强合作。"
SHORT_TRADITIONAL = "外交部發言人表示，中方願同各方加強合作。"

FILES = {
    "utf8_bom.txt": b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"),
    "gbk.txt": SIMPLIFIED.encode("gbk"),
    "gbk_short.txt": SHORT.encode("gbk"),
    "big5.txt": TRADITIONAL.encode("big5"),
    "big5_short.txt": SHORT_TRADITIONAL.encode("big5"),
    "utf16_bom.txt": SIMPLIFIED.encode("utf-16"),
    "utf16le.txt": SIMPLIFIED.encode("utf-16-le"),
    "utf16be.txt": SIMPLIFIED.encode("utf-16-be"),
    "crlf.txt": SIMPLIFIED.replace("\n", "\r\n").encode("utf-8"),
    "empty.txt": b"",
    "blank.txt": b" \n\t\r\n\xe3\x80\x80\n",
    "binary.txt": bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + bytes(range(256)) * 4,
    "truncated.txt": SIMPLIFIED.encode("utf-8")[:-2],
}


def main() -> None:
    """Write every file of FILES beside this script."""
    for name, data in FILES.items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    main()
