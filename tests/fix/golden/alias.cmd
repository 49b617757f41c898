@echo off
REM usage: this-file.cmd [internal DNS server] [external DNS server]
REM the internal one defaults to this computer; without an external one
REM the external operations are skipped (the views hold zones of one name)
setlocal
set "SERVER=%~1"
if "%SERVER%"=="" set "SERVER=."
set "EXTERNAL=%~2"
REM lcsdns-check 0.1.0 fix script, made 2026-12-01 12:00:00 UTC
REM from zone files: contoso.com.dns
REM 2 operations: each wrong record is deleted by its exact data, then the right one added
REM internal DNS
REM zone contoso.com
REM fixes srv-target-address at lcs.contoso.com.
dnscmd %SERVER% /RecordDelete contoso.com lcs CNAME web.contoso.com. /f
REM fixes srv-target-address, srv-target-cname at lcs.contoso.com., _sipinternaltls._tcp.contoso.com.
dnscmd %SERVER% /RecordAdd contoso.com lcs A 10.0.0.10
