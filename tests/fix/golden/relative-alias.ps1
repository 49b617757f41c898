# lcsdns-check 0.1.0 fix script, made 2026-12-01 12:00:00 UTC
# from zone files: contoso.com.dns
# 2 operations: each wrong record is deleted by its exact data, then the right one added
[CmdletBinding(SupportsShouldProcess)]
param(
    # the internal DNS server
    [string] $ComputerName = $env:COMPUTERNAME,
    # the external DNS server; without it the external operations are skipped
    [string] $ExternalComputerName
)
$ErrorActionPreference = 'Stop'
# internal DNS
# zone contoso.com
# fixes srv-target-relative at sip.contoso.com.
if ($PSCmdlet.ShouldProcess('sip.contoso.com. CNAME lcs.contoso.com.contoso.com.', 'Delete record')) {
    Remove-DnsServerResourceRecord -ComputerName $ComputerName -ZoneName contoso.com -Name sip -RRType CName -RecordData lcs.contoso.com.contoso.com. -Force
    Write-Output 'deleted sip.contoso.com. CNAME lcs.contoso.com.contoso.com.'
}
# fixes srv-target-relative at sip.contoso.com.
if ($PSCmdlet.ShouldProcess('sip.contoso.com. CNAME lcs.contoso.com.', 'Add record')) {
    Add-DnsServerResourceRecordCName -ComputerName $ComputerName -ZoneName contoso.com -Name sip -HostNameAlias lcs.contoso.com
    Write-Output 'added sip.contoso.com. CNAME lcs.contoso.com.'
}
