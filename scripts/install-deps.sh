#!/usr/bin/env bash
# Installs what partnersim needs to build, test and plot, from Debian 12's packages.
set -euo pipefail
packages=(
  build-essential cmake
  libboost-dev libtbb-dev libeigen3-dev libhdf5-dev hdf5-tools libcli11-dev libtoml11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3-h5py python3-numpy python3-matplotlib python3-pytest python3-flake8
  pybind11-dev python3-pybind11 python3-dev python3-xarray python3-pandas python3-h5netcdf
  r-cran-hdf5r
  clang-format clang-tidy
  libcpp-httplib-dev nlohmann-json3-dev libqrencode-dev pkg-config
  chromium nodejs
  clang-14 libclang-rt-14-dev
  libopenmpi-dev openmpi-bin
)
# The workshop's browser tests need npm; a Node.js that ships its own npm needs no Debian one.
if ! command -v npm >/dev/null 2>&1; then packages+=(npm); fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}"
