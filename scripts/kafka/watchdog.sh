#!/usr/bin/env bash
# Watchdog for the local Kafka JVM (see process.mjs for why it exists).
# usage: watchdog.sh OWNER_PID OWNER_START_TIME PID_FILE CLEANUP_DIR COMMAND...
# Runs COMMAND in the background, writes its pid to PID_FILE, and stops it (SIGTERM, SIGKILL
# after 20 s) as soon as the owner process is gone; then deletes CLEANUP_DIR (if not empty),
# since an owner that died cannot do it. SIGTERM/SIGINT/SIGHUP are forwarded to COMMAND.
owner=$1 owner_start=$2 pidfile=$3 cleanup_dir=$4
shift 4

owner_alive() {
  local stat rest fields
  if [ -d /proc/self ]; then
    { read -r stat < "/proc/$owner/stat"; } 2>/dev/null || return 1
    rest=${stat##*") "}
    read -r -a fields <<< "$rest"
    # A zombie owner is dead too; a different start time means the pid was recycled.
    [ "${fields[0]}" != Z ] || return 1
    [ -z "$owner_start" ] || [ "${fields[19]}" = "$owner_start" ]
  else
    kill -0 "$owner" 2>/dev/null
  fi
}

"$@" &
jvm=$!
echo "$jvm" > "$pidfile"
trap 'kill -TERM "$jvm" 2>/dev/null' TERM INT HUP

while kill -0 "$jvm" 2>/dev/null; do
  if ! owner_alive; then
    echo "[watchdog] owner pid $owner is gone: stopping Kafka (pid $jvm)" >&2
    kill -TERM "$jvm" 2>/dev/null
    for _ in $(seq 1 40); do
      kill -0 "$jvm" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL "$jvm" 2>/dev/null
    wait "$jvm"
    # Only ever a directory made by startLocalKafka (mkdtemp "tamiz-kafka-XXXXXX").
    case "$cleanup_dir" in
      */tamiz-kafka-*) rm -rf -- "$cleanup_dir" ;;
    esac
    exit 0
  fi
  sleep 1 &
  wait $!
done
wait "$jvm"
