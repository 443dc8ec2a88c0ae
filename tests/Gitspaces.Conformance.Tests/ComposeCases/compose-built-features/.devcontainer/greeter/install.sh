#!/bin/sh
set -e
echo "$GREETING from $_REMOTE_USER" > /etc/greeter
