#!/usr/bin/env bash
# Copies the GraphQL explorer's browser files from npm's graphiql, react and react-dom packages (versions pinned in
# package.json and package-lock.json) into the gateway's embedded web assets. The copied files are committed, so the
# gateway needs neither npm nor the internet at run time; run this only to change versions.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
out=../../../gateway/ChildInfo.Gateway/Web/wwwroot/graphiql
mkdir -p "$out"
cp node_modules/graphiql/graphiql.min.js node_modules/graphiql/graphiql.min.css "$out/"
cp node_modules/react/umd/react.production.min.js node_modules/react-dom/umd/react-dom.production.min.js "$out/"
{
  echo "Third-party files in this folder, copied by tests/tools/graphiql/update-assets.sh:"
  for p in graphiql react react-dom; do
    echo "- $p $(node -p "require('./node_modules/$p/package.json').version") ($(node -p "require('./node_modules/$p/package.json').license") licence)"
  done
  echo
  cat node_modules/graphiql/LICENSE
  echo
  cat node_modules/react/LICENSE
} > "$out/THIRD-PARTY-NOTICES.txt"
# Source map references point at files that are not shipped.
sed -i 's|//# sourceMappingURL=.*$||' "$out/graphiql.min.js" "$out/graphiql.min.css"
du -b "$out"/* | sort -n
