#!/usr/bin/env bash
# Start PostgreSQL, Redis and RabbitMQ on 127.0.0.1 if they are down (installing them if absent).
set -euo pipefail
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"

need=()
command -v pg_ctlcluster >/dev/null || need+=(postgresql)
command -v redis-server >/dev/null || need+=(redis-server)
command -v rabbitmq-server >/dev/null || need+=(rabbitmq-server)
if [ "${#need[@]}" -gt 0 ]; then
  echo "services: installing ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "services: starting PostgreSQL"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
  for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
# Tests connect as postgres over TCP without a password (trust auth on loopback).
if ! psql -h 127.0.0.1 -U postgres -d postgres -qtAc 'select 1' >/dev/null 2>&1; then
  echo "services: PostgreSQL on 127.0.0.1 does not accept user postgres without a password" >&2
  exit 1
fi

if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  echo "services: starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  for _ in $(seq 20); do redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break; sleep 0.5; done
fi

if ! rabbitmqctl -q await_startup --timeout 2 >/dev/null 2>&1; then
  echo "services: starting RabbitMQ"
  rabbitmq-server -detached
  rabbitmqctl -q await_startup --timeout 60
fi
echo "services: PostgreSQL, Redis and RabbitMQ are up on 127.0.0.1"
