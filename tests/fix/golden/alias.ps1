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
# fixes srv-target-address at lcs.contoso.com.
if ($PSCmdlet.ShouldProcess('lcs.contoso.com. CNAME web.contoso.com.', 'Delete record')) {
    Remove-DnsServerResourceRecord -ComputerName $ComputerName -ZoneName contoso.com -Name lcs -RRType CName -RecordData web.contoso.com. -Force
    Write-Output 'deleted lcs.contoso.com. CNAME web.contoso.com.'
}
# fixes srv-target-address, srv-target-cname at lcs.contoso.com., _sipinternaltls._tcp.contoso.com.
if ($PSCmdlet.ShouldProcess('lcs.contoso.com. A 10.0.0.10', 'Add record')) {
    Add-DnsServerResourceRecordA -ComputerName $ComputerName -ZoneName contoso.com -Name lcs -IPv4Address 10.0.0.10
    Write-Output 'added lcs.contoso.com. A 10.0.0.10'
}
