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
REM 6 operations: each wrong record is deleted by its exact data, then the right one added
REM internal DNS
REM zone contoso.com
REM fixes srv-target-relative at _sipinternaltls._tcp.contoso.com.
dnscmd %SERVER% /RecordDelete contoso.com _sipinternaltls._tcp SRV 0 0 5061 lcs.contoso.com.contoso.com. /f
REM fixes srv-target-relative at contoso.com.
dnscmd %SERVER% /RecordDelete contoso.com @ NS dc01.contoso.com.contoso.com. /f
REM fixes srv-target-relative at sip.contoso.com.
dnscmd %SERVER% /RecordDelete contoso.com sip CNAME lcs.contoso.com.contoso.com. /f
REM fixes srv-target-relative at _sipinternaltls._tcp.contoso.com.
dnscmd %SERVER% /RecordAdd contoso.com _sipinternaltls._tcp SRV 0 0 5061 lcs.contoso.com.
REM fixes srv-target-relative at contoso.com.
dnscmd %SERVER% /RecordAdd contoso.com @ NS dc01.contoso.com.
REM fixes srv-target-relative at sip.contoso.com.
dnscmd %SERVER% /RecordAdd contoso.com sip CNAME lcs.contoso.com.
