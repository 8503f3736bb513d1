#!/usr/bin/env bash
# Installs the Debian 12 packages Frontdoor needs to build, test and run, skipping the package index
# download when everything is already there.
set -euo pipefail

packages=(
    g++ cmake make pkg-config git
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev qt6-qpa-plugins libgl-dev
    libsqlite3-dev sqlite3 libboost-date-time-dev catch2 nlohmann-json3-dev libsodium-dev libzstd-dev
    fonts-dejavu-core xvfb xauth
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [ "${#missing[@]}" -eq 0 ]; then
    echo "All build dependencies are installed."
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "Missing packages: ${missing[*]}" >&2
    echo "Run this as root (or: sudo apt-get install ${missing[*]})." >&2
    exit 1
fi

echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
