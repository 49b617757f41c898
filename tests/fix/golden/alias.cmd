@echo off
REM usage: this-file.cmd [DNS server] (default: this computer)
setlocal
set "SERVER=%~1"
if "%SERVER%"=="" set "SERVER=."
REM lcsdns-check 0.1.0 fix script, made 2026-12-01 12:00:00 UTC
REM from zone files: contoso.com.dns
REM 2 operations: each wrong record is deleted by its exact data, then the right one added
REM internal DNS
REM zone contoso.com
REM fixes srv-target-address at lcs.contoso.com.
dnscmd %SERVER% /RecordDelete contoso.com lcs CNAME web.contoso.com. /f
REM fixes srv-target-address at lcs.contoso.com.
dnscmd %SERVER% /RecordAdd contoso.com lcs A 10.0.0.10
