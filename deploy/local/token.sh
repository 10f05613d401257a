#!/usr/bin/env bash
# Prints an access token of the local bootstrap administrator, obtained exactly as the gateway's Swagger UI obtains
# one: authorization code with PKCE through /connect/authorize, the sign-in page, and /connect/token.
# Usage: ./homeward token [scope ...]     (default: every staff scope)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
ensure_secrets

gateway=${HOMEWARD_GATEWAY:-http://127.0.0.1:5000}
scopes=${*:-registry.read registry.write registry.reveal jobmatching.read jobmatching.write jobmatching.reveal subsidy.read subsidy.write training.read training.write identity.admin}
redirect="$gateway/swagger/oauth2-redirect.html"
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT

urlencode() { local s=$1 out='' c i; for ((i = 0; i < ${#s}; i++)); do c=${s:i:1}; case "$c" in [a-zA-Z0-9.~_-]) out+=$c ;; *) out+=$(printf '%%%02X' "'$c") ;; esac; done; printf '%s' "$out"; }

verifier=$(random_hex 32)
challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=')
authorize="$gateway/connect/authorize?response_type=code&client_id=swagger-ui&redirect_uri=$(urlencode "$redirect")&scope=$(urlencode "$scopes")&state=cli&code_challenge=$challenge&code_challenge_method=S256"

login=$(curl -fsS -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$authorize") || die "the gateway does not answer; is the platform up (./homeward up)?"
[ -n "$login" ] || die "/connect/authorize did not ask for a sign-in"
page=$(curl -fsS -c "$jar" -b "$jar" "$login")
antiforgery=$(printf '%s' "$page" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed 's/.*value="//; s/"$//')
return_url=${login#*ReturnUrl=}
signed_in=$(curl -sS -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' \
  --data "__RequestVerificationToken=$antiforgery&returnUrl=$return_url&userName=admin&password=$(urlencode "$ADMIN_PASSWORD")" \
  "$gateway/account/login")
[ -n "$signed_in" ] || die "sign-in as admin failed (locked out, or the password in .data/secrets.env does not match)"
with_code=$(curl -sS -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$signed_in")
code=$(printf '%s' "$with_code" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
[ -n "$code" ] || die "no authorization code in $with_code"
curl -fsS "$gateway/connect/token" \
  --data "grant_type=authorization_code&client_id=swagger-ui&code=$code&redirect_uri=$(urlencode "$redirect")&code_verifier=$verifier" \
  | sed -n 's/.*"access_token": *"\([^"]*\)".*/\1/p'
