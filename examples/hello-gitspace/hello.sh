#!/bin/sh
echo "${GREETING:-Hello} from $(hostname) as $(whoami) in $(pwd)"
