#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback for the tests, installing Debian's package when it is missing.
#   source .ci/postgres.sh && postgres_start   # exports SCHEDULING_POSTGRES (an Npgsql connection string)
#   postgres_stop                              # stops the cluster and deletes its data directory
# Run as root (CI and the developer machines are): the server itself runs as the 'postgres' user.

postgres_bin() {
  # The newest installed server (a client-only install has the folder but no initdb).
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ]; then echo "$dir"; return; fi
  done
}

postgres_start() {
  if [ -z "$(postgres_bin)" ]; then
    echo "== installing PostgreSQL from Debian's packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null
    if [ -z "$(postgres_bin)" ]; then echo "PostgreSQL did not install" >&2; return 1; fi
  fi

  local bin port data
  bin=$(postgres_bin)
  data=$(mktemp -d /tmp/scheduling-pg.XXXXXX)
  chown postgres:postgres "$data"
  port=55432
  while (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done

  runuser -u postgres -- "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > /dev/null
  runuser -u postgres -- "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w start \
    -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" > /dev/null
  runuser -u postgres -- "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres scheduling_tests

  export SCHEDULING_POSTGRES_DATA="$data"
  export SCHEDULING_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=scheduling_tests"
  echo "== PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

postgres_stop() {
  if [ -n "${SCHEDULING_POSTGRES_DATA:-}" ] && [ -d "$SCHEDULING_POSTGRES_DATA" ]; then
    runuser -u postgres -- "$(postgres_bin)/pg_ctl" -D "$SCHEDULING_POSTGRES_DATA" -m fast -w stop > /dev/null 2>&1 || true
    rm -rf "$SCHEDULING_POSTGRES_DATA"
  fi
}
