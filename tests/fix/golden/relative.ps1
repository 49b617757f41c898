# lcsdns-check 0.1.0 fix script, made 2026-12-01 12:00:00 UTC
# from zone files: contoso.com.dns
# 6 operations: each wrong record is deleted by its exact data, then the right one added
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
# fixes srv-target-relative at _sipinternaltls._tcp.contoso.com.
if ($PSCmdlet.ShouldProcess('_sipinternaltls._tcp.contoso.com. SRV 0 0 5061 lcs.contoso.com.contoso.com.', 'Delete record')) {
    Remove-DnsServerResourceRecord -ComputerName $ComputerName -ZoneName contoso.com -Name _sipinternaltls._tcp -RRType Srv -RecordData '0 0 5061 lcs.contoso.com.contoso.com.' -Force
    Write-Output 'deleted _sipinternaltls._tcp.contoso.com. SRV 0 0 5061 lcs.contoso.com.contoso.com.'
}
# fixes srv-target-relative at contoso.com.
if ($PSCmdlet.ShouldProcess('contoso.com. NS dc01.contoso.com.contoso.com.', 'Delete record')) {
    Remove-DnsServerResourceRecord -ComputerName $ComputerName -ZoneName contoso.com -Name '@' -RRType NS -RecordData dc01.contoso.com.contoso.com. -Force
    Write-Output 'deleted contoso.com. NS dc01.contoso.com.contoso.com.'
}
# fixes srv-target-relative at sip.contoso.com.
if ($PSCmdlet.ShouldProcess('sip.contoso.com. CNAME lcs.contoso.com.contoso.com.', 'Delete record')) {
    Remove-DnsServerResourceRecord -ComputerName $ComputerName -ZoneName contoso.com -Name sip -RRType CName -RecordData lcs.contoso.com.contoso.com. -Force
    Write-Output 'deleted sip.contoso.com. CNAME lcs.contoso.com.contoso.com.'
}
# fixes srv-target-relative at _sipinternaltls._tcp.contoso.com.
if ($PSCmdlet.ShouldProcess('_sipinternaltls._tcp.contoso.com. SRV 0 0 5061 lcs.contoso.com.', 'Add record')) {
    Add-DnsServerResourceRecord -Srv -ComputerName $ComputerName -ZoneName contoso.com -Name _sipinternaltls._tcp -DomainName lcs.contoso.com -Priority 0 -Weight 0 -Port 5061
    Write-Output 'added _sipinternaltls._tcp.contoso.com. SRV 0 0 5061 lcs.contoso.com.'
}
# fixes srv-target-relative at contoso.com.
if ($PSCmdlet.ShouldProcess('contoso.com. NS dc01.contoso.com.', 'Add record')) {
    Add-DnsServerResourceRecord -NS -ComputerName $ComputerName -ZoneName contoso.com -Name '@' -NameServer dc01.contoso.com.
    Write-Output 'added contoso.com. NS dc01.contoso.com.'
}
# fixes srv-target-relative at sip.contoso.com.
if ($PSCmdlet.ShouldProcess('sip.contoso.com. CNAME lcs.contoso.com.', 'Add record')) {
    Add-DnsServerResourceRecordCName -ComputerName $ComputerName -ZoneName contoso.com -Name sip -HostNameAlias lcs.contoso.com.
    Write-Output 'added sip.contoso.com. CNAME lcs.contoso.com.'
}
