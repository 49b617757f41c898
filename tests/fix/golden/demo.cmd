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
REM 17 operations: each wrong record is deleted by its exact data, then the right one added
REM internal DNS
REM zone contoso.com
REM fixes srv-port at _sipinternal._tcp.contoso.com.
dnscmd %SERVER% /RecordDelete contoso.com _sipinternal._tcp SRV 0 0 5061 lcspool.contoso.com. /f
REM fixes srv-target-cname at _sip._tcp.contoso.com.
dnscmd %SERVER% /RecordDelete contoso.com _sip._tcp SRV 0 0 5060 sipserver.contoso.com. /f
REM fixes pool-vip at lcspool.contoso.com.
dnscmd %SERVER% /RecordDelete contoso.com lcspool A 10.0.0.51 /f
REM fixes srv-split, record-misplaced at _sipinternaltls._tcp._tcp.contoso.com.
dnscmd %SERVER% /RecordDelete contoso.com _sipinternaltls._tcp._tcp SRV 0 0 5061 lcspool.contoso.com. /f
REM fixes srv-split, record-misplaced at _sipinternaltls._tcp._tcp.contoso.com.
dnscmd %SERVER% /RecordAdd contoso.com _sipinternaltls._tcp SRV 0 0 5061 lcspool.contoso.com.
REM fixes srv-port at _sipinternal._tcp.contoso.com.
dnscmd %SERVER% /RecordAdd contoso.com _sipinternal._tcp SRV 0 0 5060 lcspool.contoso.com.
REM fixes srv-target-cname at _sip._tcp.contoso.com.
dnscmd %SERVER% /RecordAdd contoso.com _sip._tcp SRV 0 0 5060 lcspool.contoso.com.
REM fixes pool-vip at lcspool.contoso.com.
dnscmd %SERVER% /RecordAdd contoso.com lcspool A 10.0.0.50
REM zone fabrikam.com
REM fixes srv-target-domain at _sipinternaltls._tcp.fabrikam.com.
dnscmd %SERVER% /RecordDelete fabrikam.com _sipinternaltls._tcp SRV 0 0 5061 lcspool.contoso.com. /f
REM fixes srv-target-domain at _sipinternal._tcp.fabrikam.com.
dnscmd %SERVER% /RecordDelete fabrikam.com _sipinternal._tcp SRV 0 0 5060 lcspool.contoso.com. /f
REM fixes srv-underscore, record-misplaced, srv-target-unresolved at sip._tls.fabrikam.com.
dnscmd %SERVER% /RecordDelete fabrikam.com sip._tls SRV 0 0 5061 sip.fabrikam.com. /f
REM fixes srv-target-domain at _sipinternaltls._tcp.fabrikam.com.
dnscmd %SERVER% /RecordAdd fabrikam.com _sipinternaltls._tcp SRV 0 0 5061 sip.fabrikam.com.
REM fixes srv-target-domain at _sipinternal._tcp.fabrikam.com.
dnscmd %SERVER% /RecordAdd fabrikam.com _sipinternal._tcp SRV 0 0 5060 sip.fabrikam.com.
REM fixes srv-underscore, record-misplaced, srv-target-unresolved at sip._tls.fabrikam.com.
dnscmd %SERVER% /RecordAdd fabrikam.com _sip._tls SRV 0 0 5061 sip.fabrikam.com.
REM fixes host-per-domain, srv-target-unresolved at sip.fabrikam.com., _sip._tcp.fabrikam.com., sip._tls.fabrikam.com.
dnscmd %SERVER% /RecordAdd fabrikam.com sip A 10.0.0.50
REM external DNS
if "%EXTERNAL%"=="" goto :eof
REM zone contoso.com
REM fixes dns-split-view at _sipinternaltls._tcp.contoso.com.
dnscmd %EXTERNAL% /RecordDelete contoso.com _sipinternaltls._tcp SRV 0 0 5061 lcspool.contoso.com. /f
REM zone fabrikam.com
REM fixes record-missing at _sipfederationtls._tcp.fabrikam.com.
dnscmd %EXTERNAL% /RecordAdd fabrikam.com _sipfederationtls._tcp SRV 0 0 5061 sip.fabrikam.com.
