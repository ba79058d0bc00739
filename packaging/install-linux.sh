#!/bin/sh
# Add Consortium to this user's application menu (no root needed). Run it from the unzipped
# folder:   ./consortium/install-linux.sh
# It writes ~/.local/share/applications/consortium.desktop (pointing at this folder's
# program), the icon under ~/.local/share/icons, and a `consortium` link in ~/.local/bin.
# Moving the folder later? Run it again. To remove: ./consortium/install-linux.sh --remove
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps="$data/applications"
icons="$data/icons/hicolor"
bin="$HOME/.local/bin"

if [ "${1:-}" = "--remove" ]; then
  rm -f "$apps/consortium.desktop" "$icons/256x256/apps/consortium.png" \
    "$icons/scalable/apps/consortium.svg"
  [ -L "$bin/consortium" ] && rm -f "$bin/consortium"
  echo "Consortium removed from the application menu (this folder is left as it is)."
  exit 0
fi

chmod +x "$here/consortium"
mkdir -p "$apps" "$icons/256x256/apps" "$icons/scalable/apps" "$bin"
cp "$here/consortium.png" "$icons/256x256/apps/consortium.png"
cp "$here/consortium.svg" "$icons/scalable/apps/consortium.svg"
sed -e "s|^Exec=.*|Exec=\"$here/consortium\"|" -e "s|^TryExec=.*|TryExec=$here/consortium|" \
  "$here/consortium.desktop" > "$apps/consortium.desktop"
chmod +x "$apps/consortium.desktop"
ln -sf "$here/consortium" "$bin/consortium"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
echo "Consortium is in the application menu; \`consortium\` runs it from a terminal"
echo "(if ~/.local/bin is on your PATH). Check it with: consortium --self-test"
