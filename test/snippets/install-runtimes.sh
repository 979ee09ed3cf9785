#!/usr/bin/env bash
# Installs the runtimes that test/snippets/run.test.ts runs the snippets in (Debian 12).
# Idempotent: installs only what is missing. Measured on a fresh Debian 12 machine: about
# 55 s of apt (Kotlin is the largest at ~20 s) and 5 s of npm.
# Not installable here, and reported by the test as not executed: .NET 10 (`dotnet`, for the
# ASP.NET Core HMAC snippet; not in Debian). The JWT snippets for PHP, the JVM and C# build the
# token with the platform's HMAC because their usual libraries come from Packagist, Maven
# Central or NuGet; C# runs under Mono. Go and Rust use Debian's golang-jwt v4 and jsonwebtoken 8.
set -euo pipefail

apt_packages=(
  ruby ruby-jwt            # rails, jwt-rails
  php-cli                  # php, laravel
  golang-go                # go
  elixir                   # phoenix (pulls Erlang/OTP 25 with :crypto.mac and :crypto.hash_equals)
  groovy                   # grails
  kotlin                   # ktor (kotlinc; runs on the JDK already present)
  python3-jwt              # jwt-django, jwt-flask, jwt-fastapi (Debian's python3, found even behind pyenv)
  librust-hmac-dev librust-sha2-dev librust-hex-dev   # rust: crate sources cargo uses offline
  librust-jsonwebtoken-dev librust-serde-json-dev      # jwt-rust (jsonwebtoken 8 and its crates)
  libcrypt-jwt-perl        # jwt-perl (Crypt::JWT)
  erlang-jose erlang-jiffy # jwt-phoenix (JOSE's Erlang API, jiffy as its JSON codec)
  golang-github-golang-jwt-jwt-dev   # jwt-go (golang-jwt v4 source, built in GOPATH mode)
  mono-mcs mono-runtime    # jwt-aspnetcore (the C# core compiled by mcs, run by mono)
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
# from elsewhere); jsonwebtoken (Node JWT snippets) and jose (Deno, Bun, Workers JWT snippets)
# are linked by the test into a node_modules folder above the run directories.
npm_need=()
command -v deno >/dev/null 2>&1 || npm_need+=(deno)
command -v bun >/dev/null 2>&1 || npm_need+=(bun)
[ -d "$(npm root -g)/jsonwebtoken" ] || npm_need+=(jsonwebtoken)
[ -d "$(npm root -g)/jose" ] || npm_need+=(jose)
if [ ${#npm_need[@]} -gt 0 ]; then
  echo "Installing npm packages globally: ${npm_need[*]}"
  npm install -g --no-audit --no-fund "${npm_need[@]}" >/dev/null
fi
