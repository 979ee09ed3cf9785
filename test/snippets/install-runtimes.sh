#!/usr/bin/env bash
# Installs the runtimes that test/snippets/run.test.ts runs the snippets in (Debian 12).
# Idempotent: installs only what is missing. Measured on a fresh Debian 12 machine: about
# 55 s of apt (Kotlin is the largest at ~20 s) and 5 s of npm.
# Not installable here, and reported by the test as not executed: .NET 10 (`dotnet`, for the
# ASP.NET Core snippet; not in Debian) and composer with firebase/php-jwt (jwt-php; Packagist).
set -euo pipefail

apt_packages=(
  ruby ruby-jwt            # rails, jwt-ruby
  php-cli                  # php, laravel
  golang-go                # go
  elixir                   # phoenix (pulls Erlang/OTP 25 with :crypto.mac and :crypto.hash_equals)
  groovy                   # grails
  kotlin                   # ktor (kotlinc; runs on the JDK already present)
  python3-jwt              # jwt-python (Debian's python3, which the test finds even behind pyenv)
  librust-hmac-dev librust-sha2-dev librust-hex-dev   # rust: crate sources cargo uses offline
)
command -v java >/dev/null 2>&1 || apt_packages+=(default-jdk-headless)   # spring, ktor, grails
command -v cargo >/dev/null 2>&1 || apt_packages+=(cargo)                  # rust

need=()
for pkg in "${apt_packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# From the npm registry: deno and bun ship their binaries as platform packages (no download
# from elsewhere); jsonwebtoken is what the jwt-node snippet requires, found through NODE_PATH.
npm_need=()
command -v deno >/dev/null 2>&1 || npm_need+=(deno)
command -v bun >/dev/null 2>&1 || npm_need+=(bun)
[ -d "$(npm root -g)/jsonwebtoken" ] || npm_need+=(jsonwebtoken)
if [ ${#npm_need[@]} -gt 0 ]; then
  echo "Installing npm packages globally: ${npm_need[*]}"
  npm install -g --no-audit --no-fund "${npm_need[@]}" >/dev/null
fi
