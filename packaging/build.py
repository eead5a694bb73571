"""Build Shopkeeper's downloads: `python packaging/build.py [--skip-archive]`.

1. renders the icon in every size (packaging/icons.py) into build/icons/;
2. freezes the app with PyInstaller into the one-folder `dist/Shopkeeper/` (executable
   `dist/Shopkeeper/shopkeeper`, `shopkeeper.exe` on Windows; on macOS also `dist/Shopkeeper.app`);
3. on Linux, packs `dist/Shopkeeper-<version>-linux-x86_64.tar.gz` (the folder, a .desktop entry,
   the icon and an install script for the seller's own menu), and an AppImage when
   `appimagetool` is on PATH;
4. prints the unpacked size of the folder (the README keeps it).

One folder, not one file: a one-file app unpacks itself into a temporary folder on every start.
Windows installer: packaging/windows/shopkeeper.iss (Inno Setup); macOS disk image:
packaging/macos/make_dmg.sh. Both run on their own machines (.github/workflows/release.yml).
Run it with the project's environment (`python3 bootstrap.py build` does); any other Python
re-runs it there.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import stat
import struct
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUILD = ROOT / "build"
APP_ID = "shopkeeper"

DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Name=Shopkeeper
Name[zh_CN]=店掌柜 Shopkeeper
GenericName=Shop workbench
Comment=Offline workbench for sellers who run shops on several platforms
Comment[zh_CN]=多平台网店卖家的离线工作台
Exec={exec} %F
Icon={icon}
Terminal=false
Categories=Office;Finance;
StartupWMClass=shopkeeper
"""

INSTALL_SCRIPT = """#!/bin/sh
# Puts Shopkeeper in your applications menu (for you only; no administrator needed).
# Run it from the unpacked folder: ./install.sh   Remove: ./install.sh --remove
set -e
here="$(cd "$(dirname "$0")" && pwd)"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
if [ "$1" = "--remove" ]; then
    rm -f "$apps/shopkeeper.desktop" "$icons/shopkeeper.png"
    echo "Shopkeeper removed from the menu. Your shops are kept."
    exit 0
fi
mkdir -p "$apps" "$icons"
cp "$here/shopkeeper.png" "$icons/shopkeeper.png"
sed "s|^Exec=.*|Exec=\\"$here/Shopkeeper/shopkeeper\\" %F|" "$here/shopkeeper.desktop" > "$apps/shopkeeper.desktop"
echo "Shopkeeper is in your applications menu."
"""


def version() -> str:
    text = (ROOT / "src" / "shopkeeper" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    if not found:
        raise SystemExit("cannot find __version__ in src/shopkeeper/__init__.py")
    return found.group(1)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def in_project_environment() -> None:
    """Re-run under the project's virtual environment when this Python lacks PyInstaller."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        sys.path.insert(0, str(ROOT))
        import bootstrap

        bootstrap.ensure_environment("test,build")
        raise SystemExit(subprocess.call([str(bootstrap._python()), __file__, *sys.argv[1:]], cwd=ROOT)) from None


def render_icons(build: Path) -> Path:
    out = build / "icons"
    subprocess.run([sys.executable, str(ROOT / "packaging" / "icons.py"), str(out)], check=True)
    return out


def freeze(dist: Path, build: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    import bootstrap

    bootstrap.build_translations()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(build / "pyinstaller"),
                    str(ROOT / "packaging" / "shopkeeper.spec")], check=True, cwd=ROOT,
                   env=dict(os.environ, SHOPKEEPER_ICONS=str(build / "icons")))
    return dist / "Shopkeeper"


def has_symbol_table(path: Path) -> bool:
    """Whether a 64-bit little-endian ELF file still has a `.symtab` section (what `file` calls "not stripped")."""
    with path.open("rb") as f:
        head = f.read(64)
        if len(head) < 64 or head[:4] != b"\x7fELF" or head[4] != 2 or head[5] != 1:
            return False
        shoff, = struct.unpack_from("<Q", head, 0x28)
        shentsize, shnum, shstrndx = struct.unpack_from("<HHH", head, 0x3A)
        if not shoff or not shnum or shstrndx >= shnum:
            return False
        f.seek(shoff)
        table = f.read(shentsize * shnum)
        if len(table) < shentsize * shnum:
            return False
        sections = [struct.unpack_from("<IIQQQQ", table, i * shentsize) for i in range(shnum)]
        names_at, names_size = sections[shstrndx][4], sections[shstrndx][5]
        f.seek(names_at)
        names = f.read(names_size)
    return any(names[name:name + 8] == b".symtab\x00" for name, *_ in sections)


def strip_symbols(folder: Path) -> int:
    """Drop debugging symbols from the libraries that still carry them (a Python built from source: ~17 MB).

    Not PyInstaller's own strip: it also rewrites wheels' vendored libraries (numpy.libs/...), which
    patchelf has already laid out, and numpy then fails to load ("ELF load command ... not page-aligned").
    Only files that still have a symbol table are touched.
    """
    strip = shutil.which("strip")
    if not strip:
        print("strip (binutils) is not on PATH: symbols stay in, the folder is ~25 MB larger.")
        return 0
    saved = 0
    for path in folder.rglob("*.so*"):
        if path.is_symlink() or not path.is_file() or any(part.endswith(".libs") for part in path.parts):
            continue
        if not has_symbol_table(path):
            continue
        before = path.stat().st_size
        if subprocess.run([strip, "--strip-unneeded", str(path)], check=False).returncode == 0:
            saved += before - path.stat().st_size
    return saved


def linux_archive(folder: Path, icons: Path, name: str, dist: Path, build: Path) -> Path:
    """The folder, its .desktop entry, icon and install script, as one .tar.gz a seller unpacks anywhere."""
    stage = build / "linux-archive" / name
    shutil.rmtree(stage.parent, ignore_errors=True)
    stage.mkdir(parents=True)
    shutil.copytree(folder, stage / "Shopkeeper", symlinks=True)
    shutil.copy2(icons / "shopkeeper-256.png", stage / "shopkeeper.png")
    (stage / "shopkeeper.desktop").write_text(
        DESKTOP_ENTRY.format(exec="Shopkeeper/shopkeeper", icon=APP_ID), encoding="utf-8")
    script = stage / "install.sh"
    script.write_text(INSTALL_SCRIPT, encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    archive = dist / f"{name}.tar.gz"
    partial = archive.with_suffix(".gz.part")
    with tarfile.open(partial, "w:gz") as tar:
        tar.add(stage, arcname=name)
    os.replace(partial, archive)
    return archive


def appimage(folder: Path, icons: Path, name: str, dist: Path, build: Path) -> Path | None:
    tool = shutil.which("appimagetool")
    if tool is None:
        print("appimagetool is not on PATH: no AppImage this time (the .tar.gz is the Linux download).")
        return None
    appdir = build / "Shopkeeper.AppDir"
    shutil.rmtree(appdir, ignore_errors=True)
    shutil.copytree(folder, appdir / "usr" / "lib" / "shopkeeper", symlinks=True)
    shutil.copy2(icons / "shopkeeper-256.png", appdir / f"{APP_ID}.png")
    (appdir / f"{APP_ID}.desktop").write_text(DESKTOP_ENTRY.format(exec="shopkeeper", icon=APP_ID), encoding="utf-8")
    run = appdir / "AppRun"
    run.write_text('#!/bin/sh\nexec "$(dirname "$(readlink -f "$0")")/usr/lib/shopkeeper/shopkeeper" "$@"\n')
    run.chmod(0o755)
    target = dist / f"{name}.AppImage"
    subprocess.run([tool, str(appdir), str(target)], check=True, env=dict(os.environ, ARCH=platform.machine()))
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-archive", action="store_true", help="only the folder: no .tar.gz or AppImage")
    parser.add_argument("--dist", type=Path, default=DIST, help="where the app lands (default: dist/)")
    parser.add_argument("--work", type=Path, default=BUILD, help="PyInstaller's and the icons' work folder")
    args = parser.parse_args()
    in_project_environment()
    icons = render_icons(args.work)
    folder = freeze(args.dist.resolve(), args.work.resolve())
    if sys.platform.startswith("linux"):
        print(f"Stripped {strip_symbols(folder) / 1e6:.0f} MB of debugging symbols.")
    size = folder_size(folder)
    print(f"Shopkeeper {version()}: {folder} is {size / 1e6:.0f} MB unpacked ({size:,} bytes).")
    if sys.platform.startswith("linux") and not args.skip_archive:
        name = f"Shopkeeper-{version()}-linux-{platform.machine()}"
        archive = linux_archive(folder, icons, name, args.dist, args.work)
        print(f"Linux download: {archive} ({archive.stat().st_size / 1e6:.0f} MB)")
        made = appimage(folder, icons, name, args.dist, args.work)
        if made:
            print(f"AppImage: {made} ({made.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
